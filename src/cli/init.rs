//! `tillit init`: write the commented scenario template.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::UsageError;
use tillit::scenario::TEMPLATE;

/// Writes the template to `path`, refusing to overwrite unless `force`.
pub fn init(path: &Path, force: bool) -> anyhow::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let mut file = match options.open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(UsageError(format!(
                "{} already exists; choose another name or pass --force to overwrite it",
                path.display()
            ))
            .into());
        }
        Err(e) => return Err(e).with_context(|| format!("cannot create {}", path.display())),
    };
    file.write_all(TEMPLATE.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    note!(
        "wrote {}; edit it, then `tillit check {0}` and `tillit run {0}`",
        path.display()
    );
    Ok(())
}
