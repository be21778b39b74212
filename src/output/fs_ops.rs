//! Every file-system operation of the results writers, through one seam.
//!
//! The results folder, sweep and report writers create, write, sync,
//! rename and remove files only through these functions. In a normal build
//! each is the `std::fs` call and nothing more. In the library's unit tests
//! (`cfg(test)`) each first asks [`failpoint`] whether this step should
//! fail, so that a test can run a writer once to count its steps, then run
//! it again failing step 1, step 2, ... in turn and check what the folder
//! holds afterwards (see docs/RELIABILITY.md).

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

/// The kinds of step a test can fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Op {
    /// Creating or opening a file, or creating a folder.
    Create,
    /// Writing bytes to a file.
    Write,
    /// `fsync` of a file or a folder.
    Sync,
    /// Renaming a file or folder.
    Rename,
    /// Removing a file or an empty folder.
    Remove,
}

/// Fails when a test asked this step to fail; always `Ok` outside tests.
#[inline]
pub(crate) fn step(op: Op, path: &Path) -> io::Result<()> {
    #[cfg(test)]
    {
        failpoint::step(op, path)
    }
    #[cfg(not(test))]
    {
        let _ = (op, path);
        Ok(())
    }
}

/// `File::create`.
pub(crate) fn create(path: &Path) -> io::Result<File> {
    step(Op::Create, path)?;
    File::create(path)
}

/// `fs::create_dir_all`.
pub(crate) fn create_dir_all(path: &Path) -> io::Result<()> {
    step(Op::Create, path)?;
    fs::create_dir_all(path)
}

/// `fs::create_dir`.
pub(crate) fn create_dir(path: &Path) -> io::Result<()> {
    step(Op::Create, path)?;
    fs::create_dir(path)
}

/// Writes all of `bytes` to `file`.
pub(crate) fn write_all(mut file: &File, path: &Path, bytes: &[u8]) -> io::Result<()> {
    step(Op::Write, path)?;
    file.write_all(bytes)
}

/// `File::sync_all`.
pub(crate) fn sync(file: &File, path: &Path) -> io::Result<()> {
    step(Op::Sync, path)?;
    file.sync_all()
}

/// Syncs a folder, so that the renames and removals in it are durable.
/// Where folders cannot be opened for syncing (Windows), does nothing.
pub(crate) fn sync_dir(path: &Path) -> io::Result<()> {
    step(Op::Sync, path)?;
    #[cfg(unix)]
    {
        File::open(path)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        Ok(())
    }
}

/// `fs::rename`.
pub(crate) fn rename(from: &Path, to: &Path) -> io::Result<()> {
    step(Op::Rename, from)?;
    fs::rename(from, to)
}

/// `fs::remove_file` (a symbolic link is removed, never its target).
pub(crate) fn remove_file(path: &Path) -> io::Result<()> {
    step(Op::Remove, path)?;
    fs::remove_file(path)
}

/// `fs::remove_dir` (the folder must be empty).
pub(crate) fn remove_dir(path: &Path) -> io::Result<()> {
    step(Op::Remove, path)?;
    fs::remove_dir(path)
}

/// Writes `bytes` to a new file at `path` and syncs it.
pub(crate) fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let file = create(path)?;
    write_all(&file, path, bytes)?;
    sync(&file, path)
}

/// A writer whose every `write` is a step a test can fail (for the files
/// that are streamed through a buffer, such as `runs.csv`).
pub(crate) struct StepWriter {
    file: File,
    path: std::path::PathBuf,
}

impl StepWriter {
    /// Creates the file.
    pub(crate) fn create(path: &Path) -> io::Result<Self> {
        Ok(Self {
            file: create(path)?,
            path: path.to_owned(),
        })
    }

    /// Syncs the file and closes it.
    pub(crate) fn sync_and_close(self) -> io::Result<()> {
        sync(&self.file, &self.path)
    }
}

impl Write for StepWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        step(Op::Write, &self.path)?;
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Test control of the seam: count the steps of a piece of code, or make
/// its n-th step fail. The state is per thread, so tests running in
/// parallel do not see each other's failures.
#[cfg(test)]
pub(crate) mod failpoint {
    use super::Op;
    use std::cell::RefCell;
    use std::io;
    use std::path::{Path, PathBuf};

    /// How the chosen step fails.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub(crate) enum Mode {
        /// That one step fails; the steps after it work (an I/O error the
        /// program sees and can react to).
        Once,
        /// That step and every step after it fail, as if the process had
        /// died there: nothing after it reaches the disk.
        Crash,
    }

    #[derive(Default)]
    struct State {
        /// Steps seen since `arm` or `count`.
        seen: usize,
        /// The step (from 0) to fail, and how.
        fail_at: Option<(usize, Mode)>,
        /// Every step seen, when counting.
        log: Option<Vec<(Op, PathBuf)>>,
    }

    thread_local! {
        static STATE: RefCell<State> = RefCell::new(State::default());
    }

    pub(super) fn step(op: Op, path: &Path) -> io::Result<()> {
        STATE.with(|s| {
            let mut s = s.borrow_mut();
            let n = s.seen;
            s.seen += 1;
            if let Some(log) = &mut s.log {
                log.push((op, path.to_owned()));
            }
            match s.fail_at {
                Some((at, Mode::Once)) if n == at => Err(injected(op, path)),
                Some((at, Mode::Crash)) if n >= at => Err(injected(op, path)),
                _ => Ok(()),
            }
        })
    }

    fn injected(op: Op, path: &Path) -> io::Error {
        io::Error::other(format!("injected {op:?} failure at {}", path.display()))
    }

    /// Runs `f` and returns every step it took, failing none.
    pub(crate) fn count<T>(f: impl FnOnce() -> T) -> (T, Vec<(Op, PathBuf)>) {
        STATE.with(|s| {
            *s.borrow_mut() = State {
                log: Some(Vec::new()),
                ..State::default()
            }
        });
        let out = f();
        let log = STATE.with(|s| std::mem::take(&mut *s.borrow_mut()).log);
        (out, log.unwrap_or_default())
    }

    /// Runs `f` with step `at` (from 0) failing as `mode` says.
    pub(crate) fn failing<T>(at: usize, mode: Mode, f: impl FnOnce() -> T) -> T {
        STATE.with(|s| {
            *s.borrow_mut() = State {
                fail_at: Some((at, mode)),
                ..State::default()
            }
        });
        let out = f();
        STATE.with(|s| *s.borrow_mut() = State::default());
        out
    }
}
