//! Replacing the files of a results folder so that it never holds a
//! manifest that does not match its files.
//!
//! New files are written into the staging folder `<dir>/.tillit-new/` and
//! synced (`Staging`). `Staging::commit` then, holding the folder's
//! lock:
//!
//! 1. writes the list of files it is about to place (the journal,
//!    `.tillit-new/commit.list`) and syncs it;
//! 2. moves the old `manifest.json` into `<dir>/.tillit-old/`: from here
//!    until step 5 the folder has no manifest, which marks it incomplete;
//! 3. moves every old file that will be replaced or removed into
//!    `.tillit-old/` as well;
//! 4. renames the new files into place, in list order, and syncs the folder;
//! 5. renames the new `manifest.json` into place: the commit point;
//! 6. removes `.tillit-old/` and `.tillit-new/`. A failure here is a
//!    warning: the results are complete.
//!
//! A failure in steps 1 to 5 moves every file back where it was (the new
//! ones into staging, the old ones out of `.tillit-old/`, the old manifest
//! last), so the folder holds the earlier results exactly as before. If the
//! process dies in those steps instead, `recover`, which every writer
//! calls after taking the lock, does the same from the journal: an
//! interrupted replacement is undone by the next tillit command that writes
//! the folder. The list of files is data: a writer that adds a file adds
//! its name to the list it passes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::fs_ops;
use super::{MANIFEST_FILE, OutputError};

/// The staging folder: new files wait here until they are put in place.
pub const STAGING_DIR: &str = ".tillit-new";

/// Where the files being replaced wait until the new ones are in place.
pub const BACKUP_DIR: &str = ".tillit-old";

/// In the staging folder: the names being placed, one per line.
const JOURNAL: &str = "commit.list";

/// A staging folder being filled. Dropped without [`Staging::commit`], it
/// removes itself (unless a replacement was interrupted and its journal is
/// needed to undo it).
#[derive(Debug)]
pub(crate) struct Staging {
    dir: PathBuf,
    path: PathBuf,
    done: bool,
}

fn write_err(path: &Path) -> impl Fn(io::Error) -> OutputError + '_ {
    move |source| OutputError::Write {
        path: path.to_owned(),
        source,
    }
}

fn exists(path: &Path) -> Result<bool, OutputError> {
    match fs::symlink_metadata(path) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(source) => Err(OutputError::Read {
            path: path.to_owned(),
            source,
        }),
    }
}

fn rename(from: &Path, to: &Path) -> Result<(), OutputError> {
    fs_ops::rename(from, to).map_err(|source| OutputError::Rename {
        from: from.to_owned(),
        to: to.to_owned(),
        source,
    })
}

/// Removes `path` and, for a folder, everything in it, never following a
/// symbolic link (a link is removed, not what it points to).
pub(crate) fn remove_tree(path: &Path) -> Result<(), OutputError> {
    let remove_err = |p: &Path| {
        let p = p.to_owned();
        move |source| OutputError::Remove { path: p, source }
    };
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(remove_err(path)(e)),
    };
    if meta.is_dir() {
        for entry in fs::read_dir(path).map_err(remove_err(path))? {
            let entry = entry.map_err(remove_err(path))?;
            remove_tree(&entry.path())?;
        }
        fs_ops::remove_dir(path).map_err(remove_err(path))
    } else {
        fs_ops::remove_file(path).map_err(remove_err(path))
    }
}

impl Staging {
    /// Starts an empty staging folder in `dir`. The caller holds the
    /// folder's lock and has called [`recover`].
    pub(crate) fn begin(dir: &Path) -> Result<Staging, OutputError> {
        let path = dir.join(STAGING_DIR);
        remove_tree(&path)?;
        fs_ops::create_dir(&path).map_err(|source| OutputError::CreateDir {
            path: path.clone(),
            source,
        })?;
        Ok(Staging {
            dir: dir.to_owned(),
            path,
            done: false,
        })
    }

    /// Where the new file `name` is staged.
    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }

    /// Stages `name` with `bytes`, synced.
    pub(crate) fn write(&self, name: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let path = self.path(name);
        fs_ops::write_new(&path, bytes).map_err(write_err(&path))
    }

    /// Puts the staged `files` in place, in order, then the staged
    /// `manifest` (see the module docs). Old files named in `remove` are
    /// removed with the old results. Returns warnings about cleanup that
    /// failed after the new results were complete.
    pub(crate) fn commit(
        mut self,
        files: &[&str],
        manifest: &str,
        remove: &[String],
    ) -> Result<Vec<String>, OutputError> {
        let backup = self.dir.join(BACKUP_DIR);
        let mut journal = String::new();
        for name in files.iter().chain([&manifest]) {
            journal.push_str(name);
            journal.push('\n');
        }
        self.write(JOURNAL, journal.as_bytes())?;
        fs_ops::sync_dir(&self.path).map_err(write_err(&self.path))?;
        fs_ops::create_dir(&backup).map_err(|source| OutputError::CreateDir {
            path: backup.clone(),
            source,
        })?;

        let mut moved: Vec<&str> = Vec::new();
        let mut placed: Vec<&str> = Vec::new();
        let mut aside: Vec<&str> = vec![manifest];
        for name in files
            .iter()
            .copied()
            .chain(remove.iter().map(String::as_str))
        {
            if !aside.contains(&name) {
                aside.push(name);
            }
        }
        let result = self.swap(&aside, files, manifest, &mut moved, &mut placed);
        if let Err(e) = result {
            return Err(match self.undo(&placed, &moved) {
                Ok(()) => {
                    let _ = remove_tree(&self.path);
                    self.done = true;
                    e
                }
                Err(undo) => {
                    self.done = true;
                    OutputError::Incomplete {
                        path: self.dir.clone(),
                        message: format!(
                            "{e}; the earlier results could not be put back ({undo}). They are \
                             in {}; the next tillit command that writes this folder puts them back",
                            backup.display()
                        ),
                    }
                }
            });
        }
        self.done = true;
        let mut warnings = Vec::new();
        if let Err(e) = fs_ops::sync_dir(&self.dir) {
            warnings.push(format!(
                "the results in {} are complete, but the folder could not be synced to disk: {e}",
                self.dir.display()
            ));
        }
        for leftover in [&backup, &self.path] {
            if let Err(e) = remove_tree(leftover) {
                warnings.push(format!(
                    "the results are complete, but {e}; the next tillit command that writes this \
                     folder removes it"
                ));
            }
        }
        Ok(warnings)
    }

    /// Steps 2 to 5 of the module docs; records what it moved and placed.
    fn swap<'a>(
        &self,
        aside: &[&'a str],
        files: &[&'a str],
        manifest: &'a str,
        moved: &mut Vec<&'a str>,
        placed: &mut Vec<&'a str>,
    ) -> Result<(), OutputError> {
        let backup = self.dir.join(BACKUP_DIR);
        for &name in aside {
            let old = self.dir.join(name);
            if exists(&old)? {
                rename(&old, &backup.join(name))?;
                moved.push(name);
            }
        }
        for &name in files {
            rename(&self.path(name), &self.dir.join(name))?;
            placed.push(name);
        }
        fs_ops::sync_dir(&self.dir).map_err(write_err(&self.dir))?;
        rename(&self.path(manifest), &self.dir.join(manifest))
    }

    /// Moves the placed files back into staging and the old ones back into
    /// place, the old manifest last.
    fn undo(&self, placed: &[&str], moved: &[&str]) -> Result<(), OutputError> {
        for &name in placed.iter().rev() {
            rename(&self.dir.join(name), &self.path(name))?;
        }
        let backup = self.dir.join(BACKUP_DIR);
        for &name in moved.iter().rev() {
            rename(&backup.join(name), &self.dir.join(name))?;
        }
        fs_ops::remove_dir(&backup).map_err(|source| OutputError::Remove {
            path: backup.clone(),
            source,
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.done && !self.dir.join(BACKUP_DIR).exists() {
            let _ = remove_tree(&self.path);
        }
    }
}

/// Finishes or undoes a replacement that a process left half done when it
/// died, and removes a stale staging folder. The caller holds the folder's
/// lock. Returns notes for the user (an undone replacement).
///
/// When `.tillit-old/` exists and the folder has a manifest, the new
/// results were committed: the leftovers are removed. When it has none,
/// the replacement stopped before its commit point: the files it placed
/// (those in the journal that are no longer in staging) are removed and
/// the old ones are moved back, the old manifest last.
pub(crate) fn recover(dir: &Path) -> Result<Vec<String>, OutputError> {
    let backup = dir.join(BACKUP_DIR);
    let staging = dir.join(STAGING_DIR);
    let mut notes = Vec::new();
    if exists(&backup)? {
        if !exists(&dir.join(MANIFEST_FILE))? {
            let journal = fs::read_to_string(staging.join(JOURNAL)).unwrap_or_default();
            for name in journal.lines().filter(|n| is_plain_name(n)) {
                if !exists(&staging.join(name))? && exists(&dir.join(name))? {
                    let path = dir.join(name);
                    fs_ops::remove_file(&path)
                        .map_err(|source| OutputError::Remove { path, source })?;
                }
            }
            let mut names: Vec<String> = fs::read_dir(&backup)
                .map_err(|source| OutputError::Read {
                    path: backup.clone(),
                    source,
                })?
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .collect();
            // The manifest last: until it is back, the folder stays
            // incomplete.
            names.sort_by_key(|n| n == MANIFEST_FILE);
            for name in &names {
                rename(&backup.join(name), &dir.join(name))?;
            }
            if !names.is_empty() {
                notes.push(format!(
                    "an earlier write into {} was interrupted; its earlier results were put back",
                    dir.display()
                ));
            }
        }
        remove_tree(&backup)?;
    }
    remove_tree(&staging)?;
    Ok(notes)
}

/// Whether `name` is a plain file name: no folder, not `.` or `..`, and
/// not one of tillit's own hidden names.
pub(crate) fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\'])
        && !name.starts_with(".tillit")
        && !name.contains('\0')
}
