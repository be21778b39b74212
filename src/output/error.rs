//! The error type of the output module: what could not be done, and to
//! which path.

use std::path::PathBuf;

/// A results folder or file that could not be written. The Display names the
/// path, e.g. `cannot write results/runs.csv.partial`; the cause (`No space
/// left on device`) is the error's source, so that a chain of causes
/// (anyhow's `{:#}`) says each thing once.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutputError {
    /// The results folder could not be created.
    #[error("cannot create directory {}", path.display())]
    CreateDir {
        /// The folder.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A stale file (an old manifest, output or `.partial` file) could not be
    /// removed, or the folder could not be listed to find them.
    #[error("cannot remove {}", path.display())]
    Remove {
        /// The file (or the folder, when listing it failed).
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file could not be created, written, flushed or synced.
    #[error("cannot write {}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file of an earlier or other run could not be read.
    #[error("cannot read {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A finished `.partial` file could not be renamed into place.
    #[error("cannot rename {} to {}", from.display(), to.display())]
    Rename {
        /// The `.partial` file.
        from: PathBuf,
        /// Its final name.
        to: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The manifest could not be serialised.
    #[error("cannot write {}", path.display())]
    Json {
        /// The manifest file.
        path: PathBuf,
        /// The serialisation error.
        source: serde_json::Error,
    },
    /// Another process is writing the folder (or reading it while this one
    /// wants to write). Nothing was changed.
    #[error(
        "{} is in use by another tillit process ({holder}); wait for it to finish, or choose another folder",
        path.display()
    )]
    Locked {
        /// The folder.
        path: PathBuf,
        /// Who holds it, as its lock file says: `pid 123: tillit run ...`.
        holder: String,
    },
    /// Writing would overwrite or remove something tillit did not write, or
    /// results of another kind. Nothing was changed.
    #[error("refusing to write {}: {message}", path.display())]
    Refused {
        /// The file or folder that would have been overwritten.
        path: PathBuf,
        /// Why, and what to do instead.
        message: String,
    },
    /// A file of a results folder that tillit wrote earlier (a part, the
    /// plan) is damaged. Nothing was changed.
    #[error("{} is damaged: {message}", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What is wrong, and what to do.
        message: String,
    },
    /// Replacing the results failed and the earlier results could not be
    /// put back at once: the folder has no manifest (it is incomplete), and
    /// the next tillit command that writes it puts the earlier files back.
    #[error("{} is incomplete: {message}", path.display())]
    Incomplete {
        /// The folder.
        path: PathBuf,
        /// What failed, and where the earlier files are.
        message: String,
    },
    /// The values handed over do not fit the scenario the writer was
    /// created for (for example a result with a different number of arms).
    #[error("cannot write {}: {message}", path.display())]
    Inconsistent {
        /// The file that was to be written.
        path: PathBuf,
        /// What does not fit.
        message: String,
    },
}

impl OutputError {
    /// Whether the error is in what the user asked for or gave (a folder in
    /// use, one that would be overwritten, a damaged input) rather than in
    /// writing: the command line exits with 2 for these, with 1 otherwise.
    pub fn is_input(&self) -> bool {
        matches!(
            self,
            OutputError::Locked { .. } | OutputError::Refused { .. } | OutputError::Damaged { .. }
        )
    }
}
