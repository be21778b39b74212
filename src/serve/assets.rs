//! The page of the teaching view, embedded in the binary: plain HTML, CSS
//! and JavaScript with no build step and no outside reference (the server
//! sends a Content-Security-Policy that allows this origin only).

/// The page.
pub const INDEX_HTML: &str = include_str!("assets/index.html");
/// The script: the API calls, the department drawing, the charts, the texts
/// in Swedish and English.
pub const APP_JS: &str = include_str!("assets/app.js");
/// The style sheet, with a large-type mode for projectors.
pub const STYLE_CSS: &str = include_str!("assets/style.css");
/// The three lessons (docs/TEACHING.md), linked from the page.
pub const TEACHING_MD: &str = include_str!("../../docs/TEACHING.md");
