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
