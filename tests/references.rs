//! Citations stay inside the repository: no text points to a file users do
//! not have, and every work the parameter registry and the calibration
//! patterns cite as (author year) is listed in docs/REFERENCES.md.

use std::path::{Path, PathBuf};

use crate::support::root;

/// The folders and files whose text ships with the repository.
const SCANNED: &[&str] = &[
    "src",
    "docs",
    "scenarios",
    "tests",
    "benches",
    "examples",
    ".ci",
    "README.md",
    "ARCHITECTURE.md",
    "Cargo.toml",
];

/// What no text may mention, with whether the match ignores case: the
/// design notes kept outside the repository and the folder beside it that
/// holds them. Built from parts so that this file does not match itself.
/// `docs/MODEL.md` is in the repository, so the third note matches only in
/// lower case.
fn outside_names() -> Vec<(String, bool)> {
    let md = ".md";
    vec![
        (format!("facts{md}"), true),
        (format!("product{md}"), true),
        (format!("model{md}"), false),
        (format!("..{}shared", '/'), false),
    ]
}

/// Every file under `path` (or `path` itself), in a stable order.
fn files_under(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .map(|entry| entry.expect("directory entry").path())
            .collect();
        entries.sort();
        for entry in entries {
            files_under(&entry, out);
        }
    } else if path.is_file() {
        out.push(path.to_path_buf());
    }
}

#[test]
fn no_text_points_to_files_outside_the_repository() {
    let root = root();
    let names = outside_names();
    let mut files = Vec::new();
    for path in SCANNED {
        files_under(&root.join(path), &mut files);
    }
    assert!(files.len() > 50, "only {} files found", files.len());
    let mut found = Vec::new();
    for file in &files {
        // Binary files (none today) are not text and cannot cite anything.
        let Ok(text) = std::fs::read_to_string(file) else {
            continue;
        };
        let shown = file.strip_prefix(&root).unwrap_or(file).display();
        for (number, line) in text.lines().enumerate() {
            let lower = line.to_lowercase();
            for (name, ignore_case) in &names {
                let hit = if *ignore_case {
                    lower.contains(name.as_str())
                } else {
                    line.contains(name.as_str())
                };
                if hit {
                    found.push(format!("{shown}:{}: mentions `{name}`", number + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "texts point to files outside the repository; cite the works in \
         docs/REFERENCES.md instead:\n{}",
        found.join("\n")
    );
}

/// A year of publication: 1900 to 2099, optionally with a letter (2018a).
/// Returns the year and whether the token goes on with `:` and a digit, as
/// in the document numbers SOU 2018:47 and SFS 2001:453, which are no
/// (author year) citation.
fn year_of(token: &str) -> Option<(&str, bool)> {
    let token = token.trim_start_matches('(');
    let digits = token.chars().take_while(char::is_ascii_digit).count();
    if digits != 4 || !(token.starts_with("19") || token.starts_with("20")) {
        return None;
    }
    let mut end = 4;
    let rest = &token[4..];
    if rest.starts_with(|c: char| c.is_ascii_lowercase())
        && !rest[1..].starts_with(char::is_alphanumeric)
    {
        end = 5;
    }
    let after = &token[end..];
    if after.starts_with(char::is_alphanumeric) {
        return None;
    }
    let numbered = after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit());
    Some((&token[..end], numbered))
}

/// Whether a word can be part of an author's name: it begins with a
/// capital letter (Tham, Akademikerförbundet, SSR, Van).
fn is_name(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && word.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// The (first author, year) of every (author year) citation in `text`: a
/// year preceded by authors' names, as in "Tham 2007", "Oliva & Sterman
/// 2001", "Rugulies et al. 2017", "Akademikerförbundet SSR 2018" or "(Falu
/// kommun 2018". A year after a lower-case word ("in 2018") is a date, not
/// a citation.
fn citations(text: &str) -> Vec<(String, String)> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let Some((year, numbered)) = year_of(token) else {
            continue;
        };
        if numbered {
            continue;
        }
        let mut first: Option<&str> = None;
        let mut j = i;
        while j > 0 {
            j -= 1;
            let word = tokens[j];
            if word == "&" || word == "et" || word == "al." {
                continue;
            }
            let opens = word.starts_with('(');
            let bare = word.trim_start_matches('(').trim_end_matches(',');
            if is_name(bare) {
                first = Some(bare);
                if opens || word.ends_with(';') {
                    break;
                }
                continue;
            }
            // One lower-case word inside a parenthesis that opens with a
            // name: "(Falu kommun 2018".
            let lower_in_name = first.is_none()
                && bare.chars().all(char::is_lowercase)
                && j > 0
                && tokens[j - 1].starts_with('(')
                && is_name(tokens[j - 1].trim_start_matches('('));
            if lower_in_name {
                j -= 1;
                first = Some(tokens[j].trim_start_matches('('));
            }
            break;
        }
        if let Some(first) = first {
            out.push((first.to_owned(), year.to_owned()));
        }
    }
    out
}

#[test]
fn citations_are_found_in_source_texts() {
    let found = |text: &str| -> Vec<String> {
        citations(text)
            .into_iter()
            .map(|(a, y)| format!("{a} {y}"))
            .collect()
    };
    assert_eq!(
        found("Oliva & Sterman 2001: -0.64; Dogan 2007: -0.60"),
        ["Oliva 2001", "Dogan 2007"]
    );
    assert_eq!(
        found("RR 1.49-1.77 (Rugulies et al. 2017; Duchaine et al. 2020)"),
        ["Rugulies 2017", "Duchaine 2020"]
    );
    assert_eq!(found("the part of Grefve 2017's time use"), ["Grefve 2017"]);
    assert_eq!(
        found("calibrated (SCB figures in Akademikerförbundet SSR 2018)"),
        ["Akademikerförbundet 2018"]
    );
    assert_eq!(
        found("Borlänge (Tillitsdelegationen 2017; Alexius & Sardiello 2018, in SOU 2018:38)"),
        ["Tillitsdelegationen 2017", "Alexius 2018"]
    );
    assert_eq!(
        found("'Tillsammans för varje barn' (Falu kommun 2018; Loman 2018)"),
        ["Falu 2018", "Loman 2018"]
    );
    assert!(found("331,000 reports in 2018 and 422,000 in 2018-2021").is_empty());
    assert!(found("Socialtjänstlagen (SFS 2001:453) 11 kap. 2 §").is_empty());
}

/// The (first author, year) of every entry in docs/REFERENCES.md, from the
/// bold key that begins each entry (`**Oliva & Sterman 2001**`).
fn listed() -> Vec<(String, String)> {
    let path = root().join("docs/REFERENCES.md");
    let text = std::fs::read_to_string(&path).expect("docs/REFERENCES.md");
    let mut keys = Vec::new();
    for line in text.lines().filter(|l| l.starts_with("- ")) {
        let Some((_, rest)) = line.split_once("**") else {
            continue;
        };
        let Some((key, _)) = rest.split_once("**") else {
            continue;
        };
        let words: Vec<&str> = key.split_whitespace().collect();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        if let Some((year, false)) = year_of(last) {
            keys.push((first.trim_end_matches(',').to_owned(), year.to_owned()));
        }
    }
    keys
}

#[test]
fn every_work_the_registry_cites_is_in_references_md() {
    let listed = listed();
    assert!(listed.len() > 30, "only {} entries read", listed.len());
    let sources = tillit::model::params::PARAMETERS
        .iter()
        .map(|p| (p.key(), p.source))
        .chain(
            tillit::calibration::PATTERNS
                .iter()
                .map(|p| (format!("pattern {}", p.outcome.spec().name), p.source)),
        );
    let mut cited = 0;
    let mut missing = Vec::new();
    for (key, source) in sources {
        for (author, year) in citations(source) {
            cited += 1;
            if !listed.iter().any(|(a, y)| *a == author && *y == year) {
                missing.push(format!("{key}: {author} {year}"));
            }
        }
    }
    assert!(cited > 30, "only {cited} citations found in the sources");
    assert!(
        missing.is_empty(),
        "cited in the registry but not in docs/REFERENCES.md:\n{}",
        missing.join("\n")
    );
}
