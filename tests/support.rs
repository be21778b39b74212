//! Helpers shared by the integration tests: scenarios in code, running the
//! binary, temporary folders.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tillit::model::params::Params;
use tillit::model::presets::Preset;
use tillit::scenario::{Arm, Scenario};

/// An arm from a preset with every other parameter at its default, after `tweak`.
pub fn arm(name: &str, preset: Preset, tweak: impl Fn(&mut Params)) -> Arm {
    let mut params = Params {
        steering: preset.steering(),
        ..Params::default()
    };
    tweak(&mut params);
    Arm {
        name: name.to_string(),
        label: Default::default(),
        description: Default::default(),
        preset,
        params,
        events: Vec::new(),
    }
}

/// A scenario of the given arms, horizon and warm-up (in years).
pub fn scenario(arms: Vec<Arm>, replications: u32, years: u32, warmup_years: u32) -> Scenario {
    Scenario {
        name: "test".to_string(),
        title: Default::default(),
        description: Default::default(),
        seed: 20261123,
        replications,
        horizon_days: years * 365,
        warmup_days: warmup_years * 365,
        baseline: 0,
        language: None,
        arms,
    }
}

/// A fresh, empty temporary folder for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tillit-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Every file under `dir`, by path relative to it, with its bytes, in
/// path order.
pub fn files_under(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read a folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("read a file");
                out.push((path.strip_prefix(dir).expect("under").to_owned(), bytes));
            }
        }
    }
    out.sort();
    out
}

/// Asserts that folders `a` and `b` hold the same files with the same bytes.
pub fn assert_same_files(a: &Path, b: &Path) {
    let (fa, fb) = (files_under(a), files_under(b));
    let names = |f: &[(PathBuf, Vec<u8>)]| f.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&fa), names(&fb), "{} vs {}", a.display(), b.display());
    for ((name, x), (_, y)) in fa.iter().zip(&fb) {
        assert!(
            x == y,
            "{} differs between {} and {}",
            name.display(),
            a.display(),
            b.display()
        );
    }
}

/// Runs the tillit binary with `args` in `dir`.
pub fn tillit(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tillit"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run tillit")
}

/// Headless Chromium with a profile of its own and nothing that reaches the
/// network; callers add what it should do (screenshot, print, logging).
pub fn headless_chromium(chromium: &Path, profile: &Path) -> Command {
    let mut command = Command::new(chromium);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()));
    command
}

/// The project's root folder (for scenarios/ and tests/data/).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
