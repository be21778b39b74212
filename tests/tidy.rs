//! The results files load the way pandas (`read_csv`) and R (`read.csv`)
//! load them: one kind of row per file, typed columns, names that need no
//! quoting, and everything a row needs on the row.

use std::collections::BTreeMap;
use std::fs;

use serde::Deserialize;

use crate::support::{temp_dir, tillit};

fn ok(dir: &std::path::Path, args: &[&str]) {
    let out = tillit(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A row of series.csv, typed as a reader infers it: a replication that is
/// not a whole number fails here, as it would turn pandas' column into text.
#[derive(Deserialize)]
struct SeriesRow {
    arm: String,
    replication: u32,
    month: u32,
    metric: String,
    /// `NA` (no value that month, e.g. no decisions) as pandas and R read it.
    value: String,
}

#[derive(Deserialize)]
struct SeriesSummaryRow {
    arm: String,
    month: u32,
    metric: String,
    mean: String,
    n: u64,
}

/// A cell as pandas and R read it: `NA` is missing, anything else a number.
fn number(cell: &str) -> Option<f64> {
    (cell != "NA").then(|| cell.parse().expect("a number or NA"))
}

#[test]
fn grouping_series_csv_by_arm_month_and_metric_gives_series_summary_csv() {
    let dir = temp_dir("tidy-series");
    fs::write(dir.join("s.toml"), crate::sweep::SPEC).unwrap();
    ok(&dir, &["run", "s.toml", "--reps", "3", "--out", "r", "-q"]);

    // df.groupby(["arm", "month", "metric"]).value.agg(["mean", "count"]),
    // which leaves missing values out of both.
    let mut groups: BTreeMap<(String, u32, String), (f64, u64)> = BTreeMap::new();
    let mut reader = csv::Reader::from_path(dir.join("r/series.csv")).unwrap();
    for row in reader.deserialize::<SeriesRow>() {
        let row = row.expect("every series.csv row is typed");
        assert!(row.replication < 3);
        let g = groups.entry((row.arm, row.month, row.metric)).or_default();
        if let Some(x) = number(&row.value) {
            g.0 += x;
            g.1 += 1;
        }
    }
    let mut reader = csv::Reader::from_path(dir.join("r/series_summary.csv")).unwrap();
    let mut compared = 0;
    for row in reader.deserialize::<SeriesSummaryRow>() {
        let row = row.expect("every series_summary.csv row is typed");
        let (sum, count) = groups[&(row.arm, row.month, row.metric)];
        assert_eq!(count, row.n);
        match number(&row.mean) {
            Some(written) => {
                let mean = sum / count as f64;
                assert!(
                    (mean - written).abs() <= 1e-9 * mean.abs().max(1.0),
                    "{mean} vs {written}"
                );
            }
            None => assert_eq!(count, 0, "NA only where no run has a value"),
        }
        compared += 1;
    }
    assert_eq!(compared, groups.len());
}

#[test]
fn a_sweeps_runs_csv_carries_each_points_factor_values_under_plain_names() {
    let dir = temp_dir("tidy-sweep");
    fs::write(dir.join("s.toml"), crate::sweep::SPEC).unwrap();
    ok(&dir, &["sweep", "s.toml", "--out", "w", "-q"]);

    let mut points = csv::Reader::from_path(dir.join("w/points.csv")).unwrap();
    let labels: Vec<String> = points
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let by_point: Vec<BTreeMap<String, String>> =
        points.deserialize().map(|r| r.unwrap()).collect();

    let mut runs = csv::Reader::from_path(dir.join("w/runs.csv")).unwrap();
    let header: Vec<String> = runs.headers().unwrap().iter().map(str::to_owned).collect();
    // Names R's make.names and pandas' attribute access leave as they are.
    for name in &header {
        assert!(
            name.starts_with(|c: char| c.is_ascii_lowercase())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "{name}"
        );
    }
    // The manifest says which column holds which factor.
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("w/manifest.json")).unwrap()).unwrap();
    let columns: Vec<(String, String)> = manifest["factors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["label"].as_str().unwrap().to_owned(),
                f["column"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        columns,
        [
            ("steering.coaching_hours@trust", "coaching_hours__trust"),
            ("demand.severity_mean", "severity_mean"),
        ]
        .map(|(l, c)| (l.to_owned(), c.to_owned()))
    );
    assert_eq!(
        labels[2..],
        columns.iter().map(|c| c.0.clone()).collect::<Vec<_>>()
    );
    let mut rows = 0;
    for row in runs.deserialize::<BTreeMap<String, String>>() {
        let row = row.unwrap();
        let point: usize = row["point"].parse().unwrap();
        for (label, column) in &columns {
            assert_eq!(row[column], by_point[point][label], "point {point}");
        }
        rows += 1;
    }
    assert_eq!(rows, 36 * 2 * 2);
}
