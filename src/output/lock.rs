//! One writer per folder: an advisory lock on `<folder>/.tillit.lock`.
//!
//! A writer takes the lock with [`FolderLock::exclusive`] before it changes
//! anything in a folder and holds it until it is done. A second process
//! that asks for the same folder is refused at once with
//! [`OutputError::Locked`], which names the folder and, from the lock
//! file, the process holding it (its pid and command line). The lock is
//! the operating system's (`flock` on Linux and macOS, `LockFileEx` on
//! Windows): it is released when its holder exits or dies, so a stale lock
//! file never blocks anyone.
//!
//! A process that only reads a results folder (a report made elsewhere, a
//! merge reading shards, a replay) takes a shared lock with
//! [`FolderLock::shared`] when the folder has a lock file it can open, so
//! that it never reads a folder while another process replaces its files.
//!
//! Within one process, locks are re-entrant: asking again for a folder this
//! process already holds returns the same lock. That lets `tillit run
//! --report` hold its folder from the first file to the report while the
//! library's writers take the lock for themselves too.
//!
//! The holder removes the lock file when it lets go. To keep that safe, a
//! new holder checks after locking that the file it locked is still the one
//! at the path, and tries again if not.

use std::fs::{self, File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, Weak};

use super::OutputError;
use super::fs_ops;

/// The lock file in every folder tillit writes.
pub const LOCK_FILE: &str = ".tillit.lock";

/// What this process writes into its lock files after its pid (the command
/// line, set once by the program; the library itself never reads it).
static HOLDER_NOTE: OnceLock<String> = OnceLock::new();

/// Locks held by this process, by canonical folder.
static HELD: Mutex<Vec<(PathBuf, Weak<Held>)>> = Mutex::new(Vec::new());

/// Sets what this process's lock files say about it after the pid, e.g.
/// the command line (`tillit run a.toml --out o`). Only the first call
/// counts.
pub fn set_holder_note(note: &str) {
    let one_line: String = note
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(400)
        .collect();
    let _ = HOLDER_NOTE.set(one_line);
}

/// A lock on a folder; released (and its file removed, for an exclusive
/// lock) when the last clone is dropped.
#[derive(Clone, Debug)]
pub struct FolderLock {
    held: Option<Arc<Held>>,
}

#[derive(Debug)]
struct Held {
    /// The lock file.
    path: PathBuf,
    /// Holds the OS lock while open.
    file: File,
    exclusive: bool,
}

impl Drop for Held {
    fn drop(&mut self) {
        if self.exclusive {
            // Removed while still locked: whoever opens the path afterwards
            // gets a new file, and a process that opened the old one before
            // sees that it is no longer at the path (see `lock_at`).
            let _ = fs_ops::remove_file(&self.path);
        }
        let _ = self.file.unlock();
    }
}

impl FolderLock {
    /// Locks `dir` (which must exist) for writing, or fails at once with
    /// [`OutputError::Locked`] when another process holds it.
    pub fn exclusive(dir: &Path) -> Result<FolderLock, OutputError> {
        acquire(dir, true)
    }

    /// Locks `dir` for reading when it has a lock file that can be opened;
    /// fails with [`OutputError::Locked`] when another process is writing
    /// it. A folder without a lock file (one that nothing is writing, or
    /// one on a read-only disk) is read without a lock.
    pub fn shared(dir: &Path) -> Result<FolderLock, OutputError> {
        acquire(dir, false)
    }

    /// Whether this lock holds anything (a shared lock on a folder without
    /// a lock file holds nothing).
    pub fn is_held(&self) -> bool {
        self.held.is_some()
    }
}

fn acquire(dir: &Path, exclusive: bool) -> Result<FolderLock, OutputError> {
    let key = fs::canonicalize(dir).map_err(|source| OutputError::Read {
        path: dir.to_owned(),
        source,
    })?;
    let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
    held.retain(|(_, w)| w.strong_count() > 0);
    if let Some(existing) = held
        .iter()
        .find(|(k, _)| *k == key)
        .and_then(|(_, w)| w.upgrade())
    {
        if existing.exclusive || !exclusive {
            return Ok(FolderLock {
                held: Some(existing),
            });
        }
        return Err(OutputError::Locked {
            path: dir.to_owned(),
            holder: "this process, which is reading it".to_owned(),
        });
    }
    let path = key.join(LOCK_FILE);
    let Some(h) = lock_at(dir, &path, exclusive)? else {
        return Ok(FolderLock { held: None });
    };
    let h = Arc::new(h);
    held.push((key, Arc::downgrade(&h)));
    Ok(FolderLock { held: Some(h) })
}

/// Opens and locks the lock file; `None` for a shared lock where there is
/// no lock file to open.
fn lock_at(dir: &Path, path: &Path, exclusive: bool) -> Result<Option<Held>, OutputError> {
    let open_error = |source| OutputError::Write {
        path: path.to_owned(),
        source,
    };
    // A few tries: the file may be removed by its holder between our open
    // and our lock.
    for _ in 0..20 {
        let file = if exclusive {
            fs_ops::step(fs_ops::Op::Create, path).map_err(open_error)?;
            OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(path)
                .map_err(open_error)?
        } else {
            match File::open(path) {
                Ok(f) => f,
                Err(_) => return Ok(None),
            }
        };
        let locked = if exclusive {
            file.try_lock()
        } else {
            file.try_lock_shared()
        };
        match locked {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                return Err(OutputError::Locked {
                    path: dir.to_owned(),
                    holder: holder_of(path),
                });
            }
            Err(fs::TryLockError::Error(source)) => {
                return Err(OutputError::Write {
                    path: path.to_owned(),
                    source,
                });
            }
        }
        if !same_file(&file, path) {
            // Its holder removed it after we opened it: try the new one.
            continue;
        }
        if exclusive {
            let note = HOLDER_NOTE.get().map_or("", String::as_str);
            let text = format!("pid {}\n{note}\n", std::process::id());
            file.set_len(0).map_err(open_error)?;
            fs_ops::write_all(&file, path, text.as_bytes()).map_err(open_error)?;
        }
        return Ok(Some(Held {
            path: path.to_owned(),
            file,
            exclusive,
        }));
    }
    Err(OutputError::Locked {
        path: dir.to_owned(),
        holder: holder_of(path),
    })
}

/// Whether the open `file` is the file now at `path`.
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

/// Who holds the lock, from the lock file: `pid 123: tillit run ...`.
fn holder_of(path: &Path) -> String {
    let mut text = String::new();
    if let Ok(file) = File::open(path) {
        let _ = file.take(1024).read_to_string(&mut text);
    }
    let mut lines = text.lines();
    match (lines.next(), lines.next()) {
        (Some(pid), Some(note)) if pid.starts_with("pid ") && !note.trim().is_empty() => {
            format!("{pid}: {}", note.trim())
        }
        (Some(pid), _) if pid.starts_with("pid ") => pid.to_owned(),
        _ => "a process that has not said which".to_owned(),
    }
}

/// Whether `err` says the folder is locked.
#[cfg(test)]
pub(crate) fn is_locked(err: &OutputError) -> bool {
    matches!(err, OutputError::Locked { .. })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(tag: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("tillit-lock-{}-{tag}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_second_holder_is_refused_and_told_who_holds_it() {
        let dir = temp("second");
        // Another process, as far as the OS is concerned: a lock on a
        // separately opened file.
        let other = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join(LOCK_FILE))
            .unwrap();
        other.try_lock().unwrap();
        fs::write(dir.join(LOCK_FILE), "pid 4242\ntillit run a.toml --out o\n").unwrap();
        let err = FolderLock::exclusive(&dir).unwrap_err();
        let text = err.to_string();
        assert!(is_locked(&err), "{text}");
        assert!(
            text.contains(&dir.display().to_string())
                && text.contains("pid 4242: tillit run a.toml --out o"),
            "{text}"
        );
        let err = FolderLock::shared(&dir).unwrap_err();
        assert!(is_locked(&err), "{err}");
        drop(other);
        // Released (as when its holder dies): the next writer gets it, and
        // the stale file does not matter.
        let lock = FolderLock::exclusive(&dir).unwrap();
        let text = fs::read_to_string(dir.join(LOCK_FILE)).unwrap();
        assert!(
            text.starts_with(&format!("pid {}\n", std::process::id())),
            "{text}"
        );
        drop(lock);
        assert!(
            !dir.join(LOCK_FILE).exists(),
            "the holder removes its lock file"
        );
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn locks_are_reentrant_within_a_process() {
        let dir = temp("reentrant");
        let a = FolderLock::exclusive(&dir).unwrap();
        let b = FolderLock::exclusive(&dir.join(".")).unwrap();
        let c = FolderLock::shared(&dir).unwrap();
        assert!(a.is_held() && b.is_held() && c.is_held());
        drop(a);
        drop(b);
        assert!(dir.join(LOCK_FILE).exists(), "still held by c");
        drop(c);
        assert!(!dir.join(LOCK_FILE).exists());
        // A shared lock on a folder without a lock file holds nothing and
        // creates nothing.
        let s = FolderLock::shared(&dir).unwrap();
        assert!(!s.is_held() && !dir.join(LOCK_FILE).exists());
        let _ = fs::remove_dir_all(&dir);
    }
}
