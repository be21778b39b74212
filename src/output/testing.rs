//! Helpers for the failpoint tests of the results writers: a folder's
//! exact contents, and putting them back.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Every file in `dir` and below, by path, with its bytes; the lock
/// file (left behind only by a process that died) is left out.
pub(crate) fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(root).unwrap().display().to_string();
            if rel == crate::output::LOCK_FILE {
                continue;
            }
            if path.is_dir() {
                out.insert(format!("{rel}/"), Vec::new());
                walk(root, &path, out);
            } else {
                out.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

pub(crate) fn restore(dir: &Path, snap: &BTreeMap<String, Vec<u8>>) {
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(dir).unwrap();
    for (rel, bytes) in snap {
        match rel.strip_suffix('/') {
            Some(d) => fs::create_dir_all(dir.join(d)).unwrap(),
            None => fs::write(dir.join(rel), bytes).unwrap(),
        }
    }
}
