//! `tillit serve`: the teaching view's API, started in-process on port 0
//! and spoken to over plain HTTP/1.1, and the command itself.
//!
//! The browser tests (e2e/serve.test.mjs, Playwright in headless Chromium)
//! are run by the ignored test at the bottom; `bash .ci/run` runs it.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};
use tillit::outcome::SERIES_METRICS;
use tillit::serve::{Catalogue, LIMITS, ServeError, Server};

use crate::support::{temp_dir, tillit};

/// A small scenario: two units of six, two years, control against trust.
const SMALL: &str = r#"
name = "small"
seed = 7
replications = 1
years = 2
warmup_years = 1

[organisation]
units = 2
workers_per_unit = 6

[[arm]]
name = "control"
preset = "control"

[[arm]]
name = "trust"
preset = "trust"
"#;

/// The server on a free port in a thread of its own, stopped (gracefully)
/// when dropped.
struct TestServer {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<Result<(), ServeError>>>,
}

impl TestServer {
    fn start(dir: &Path) -> TestServer {
        let path = dir.join("small.toml");
        std::fs::write(&path, SMALL).expect("write scenario");
        let scenario = tillit::scenario::load(&path).expect("small scenario");
        let catalogue = Catalogue::new(Some(("small".to_owned(), scenario))).expect("catalogue");
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        let server = runtime
            .block_on(Server::bind(
                "127.0.0.1:0".parse().expect("addr"),
                catalogue,
            ))
            .expect("bind");
        let addr = server.local_addr().expect("address");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            runtime.block_on(server.run(async {
                let _ = stopped.await;
            }))
        });
        TestServer {
            addr,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// Sends a request and returns the status and the body parsed as JSON
    /// (`Value::Null` for an empty body).
    fn call(&self, method: &str, path: &str, body: Option<&str>) -> (u16, Value) {
        let (status, _, text) = self.raw(method, path, body);
        let value = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{method} {path}: {e}: {text}"))
        };
        (status, value)
    }

    fn ok(&self, method: &str, path: &str, body: Value) -> Value {
        let (status, value) = self.call(method, path, Some(&body.to_string()));
        assert!(
            status == 200 || status == 201,
            "{method} {path} {body}: {status} {value}"
        );
        value
    }

    /// A request with `Connection: close`: status, headers (lower-case
    /// names) and body text.
    fn raw(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
    ) -> (u16, HashMap<String, String>, String) {
        let mut stream = TcpStream::connect(self.addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .expect("timeout");
        let body = body.unwrap_or("");
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            self.addr,
            body.len()
        )
        .expect("send");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("read");
        let text = String::from_utf8(response).expect("utf-8 response");
        let (head, body) = text.split_once("\r\n\r\n").expect("head and body");
        let mut lines = head.lines();
        let status: u16 = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .expect("status line");
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        (status, headers, body.to_owned())
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let result = thread.join();
            if !std::thread::panicking() {
                assert!(
                    matches!(result, Ok(Ok(()))),
                    "the server did not stop cleanly"
                );
            }
        }
    }
}

fn create(server: &TestServer, body: Value) -> (String, Value) {
    let state = server.ok("POST", "/api/sessions", body);
    let id = state["id"].as_str().expect("session id").to_owned();
    (id, state)
}

/// Steps a session to its horizon, a year at a time at most.
fn run_to_end(server: &TestServer, id: &str) -> Value {
    serde_json::from_str(&run_to_end_text(server, id)).expect("state")
}

/// Like [`run_to_end`], the last state as the text the server sent.
fn run_to_end_text(server: &TestServer, id: &str) -> String {
    loop {
        let (status, _, text) = server.raw(
            "POST",
            &format!("/api/sessions/{id}/step"),
            Some(r#"{"days":366}"#),
        );
        assert_eq!(status, 200, "{text}");
        let state: Value = serde_json::from_str(&text).expect("state");
        if state["arms"]
            .as_array()
            .expect("arms")
            .iter()
            .all(|a| a["snapshot"]["finished"] == true)
        {
            return text;
        }
    }
}

/// The monthly series of every arm read from the response text with Rust's
/// own (correctly rounded) number parser, so that the comparison is to the
/// bit: `[arm][month][metric]`, NaN for null.
fn series_exact(text: &str) -> Vec<Vec<Vec<f64>>> {
    text.match_indices("\"series\":[")
        .map(|(at, key)| {
            let rest = &text[at + key.len()..];
            let end = rest.find("]]").map_or(0, |e| e + 1);
            let inner = rest[..end].trim_start_matches('[').trim_end_matches(']');
            if inner.is_empty() {
                return Vec::new();
            }
            inner
                .split("],[")
                .map(|month| {
                    month
                        .split(',')
                        .map(|v| {
                            if v == "null" {
                                f64::NAN
                            } else {
                                v.parse().expect("number")
                            }
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

fn lever(state: &Value, arm: usize, name: &str) -> f64 {
    state["arms"][arm]["snapshot"]["steering"][name]
        .as_f64()
        .unwrap_or_else(|| panic!("lever {name} of arm {arm} in {state}"))
}

/// The monthly series of one arm: `series[month][metric]`, NaN for null.
fn series(state: &Value, arm: usize) -> Vec<Vec<f64>> {
    state["arms"][arm]["series"]
        .as_array()
        .expect("series")
        .iter()
        .map(|row| {
            row.as_array()
                .expect("month")
                .iter()
                .map(|v| v.as_f64().unwrap_or(f64::NAN))
                .collect()
        })
        .collect()
}

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

#[test]
fn a_session_starts_at_day_zero_and_steps_in_lock_step() {
    let dir = temp_dir("serve-start");
    let server = TestServer::start(&dir);
    let (status, catalogue) = server.call("GET", "/api/catalogue", None);
    assert_eq!(status, 200);
    let ids: Vec<&str> = catalogue["scenarios"]
        .as_array()
        .expect("scenarios")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "small",
            "default",
            "control-spiral",
            "borlange",
            "falun",
            "reform"
        ]
    );
    assert_eq!(
        catalogue["metrics"].as_array().map(Vec::len),
        Some(SERIES_METRICS.len())
    );

    let (id, state) = create(&server, json!({"scenario": "small"}));
    assert_eq!(state["seed"], "7");
    let arms = state["arms"].as_array().expect("arms");
    assert_eq!(arms.len(), 2, "two arms side by side by default");
    assert_eq!(arms[0]["name"], "control");
    assert_eq!(arms[1]["name"], "trust");
    for arm in arms {
        let snap = &arm["snapshot"];
        assert_eq!(snap["day"], 0);
        assert_eq!(snap["months"], 0);
        let units = snap["units"].as_array().expect("units");
        assert_eq!(units.len(), 2);
        assert!(
            units
                .iter()
                .all(|u| u["positions"].as_array().map(Vec::len) == Some(6))
        );
    }

    let state = server.ok(
        "POST",
        &format!("/api/sessions/{id}/step"),
        json!({"days": 7}),
    );
    assert_eq!(state["arms"][0]["snapshot"]["day"], 7);
    assert_eq!(state["arms"][1]["snapshot"]["day"], 7);
    let state = server.ok(
        "POST",
        &format!("/api/sessions/{id}/step"),
        json!({"days": 60}),
    );
    assert_eq!(state["arms"][0]["snapshot"]["day"], 67);
    assert_eq!(state["arms"][0]["snapshot"]["months"], 2);
    assert_eq!(state["arms"][1]["series"].as_array().map(Vec::len), Some(2));
    // Cases arrive and are seen where they are.
    let open: u64 = state["arms"][0]["snapshot"]["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["open_cases"].as_u64().expect("open cases"))
        .sum();
    assert!(open > 0, "no open cases after 67 days: {state}");

    let (status, again) = server.call("GET", &format!("/api/sessions/{id}"), None);
    assert_eq!(status, 200);
    assert_eq!(again["arms"][0]["snapshot"], state["arms"][0]["snapshot"]);
    // Stepping past the horizon stops at it.
    let end = run_to_end(&server, &id);
    assert_eq!(end["arms"][0]["snapshot"]["day"], 730);
    assert_eq!(end["arms"][0]["series"].as_array().map(Vec::len), Some(24));

    let (status, _) = server.call("DELETE", &format!("/api/sessions/{id}"), None);
    assert_eq!(status, 204);
    let (status, body) = server.call("GET", &format!("/api/sessions/{id}"), None);
    assert_eq!(status, 404);
    assert!(
        body["error"]
            .as_str()
            .is_some_and(|e| e.contains("start a new one"))
    );
}

/// With no lever change, the months the server reports are those of
/// `tillit run`'s series.csv, to the bit, for both arms.
#[test]
fn without_changes_the_months_equal_tillit_run() {
    let dir = temp_dir("serve-same");
    let server = TestServer::start(&dir);
    for seed in [7u64, 4242] {
        let out = format!("out-{seed}");
        let run = tillit(
            &dir,
            &[
                "run",
                "small.toml",
                "--reps",
                "1",
                "--seed",
                &seed.to_string(),
                "--out",
                &out,
                "-q",
            ],
        );
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let csv = std::fs::read_to_string(dir.join(&out).join("series.csv")).expect("series.csv");

        let (id, _) = create(
            &server,
            json!({"scenario": "small", "seed": seed.to_string()}),
        );
        let text = run_to_end_text(&server, &id);
        let state: Value = serde_json::from_str(&text).expect("state");
        let exact = series_exact(&text);
        assert_eq!(exact.len(), 2);
        let names: Vec<&str> = state["arms"]
            .as_array()
            .expect("arms")
            .iter()
            .filter_map(|a| a["name"].as_str())
            .collect();
        let mut compared = 0;
        for line in csv.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            let (arm, month, metric, value) = (f[0], f[2], f[3], f[4]);
            assert_eq!(f[1], "0", "one replication");
            let a = names.iter().position(|n| *n == arm).expect("arm");
            let m: usize = month.parse::<usize>().expect("month") - 1;
            let k = SERIES_METRICS
                .iter()
                .position(|s| s.name == metric)
                .expect("metric");
            let expected = if value == "NA" {
                f64::NAN
            } else {
                value.parse().expect("value")
            };
            let got = exact[a][m][k];
            assert!(
                same(got, expected),
                "seed {seed}, arm {arm}, month {month}, {metric}: server {got}, tillit run {expected}"
            );
            compared += 1;
        }
        assert_eq!(compared, 2 * 24 * SERIES_METRICS.len());
    }
}

#[test]
fn a_lever_changes_the_running_model_from_the_next_day() {
    let dir = temp_dir("serve-lever");
    let server = TestServer::start(&dir);
    let (plain, _) = create(&server, json!({"scenario": "small"}));
    let (changed, _) = create(&server, json!({"scenario": "small"}));
    for id in [&plain, &changed] {
        server.ok(
            "POST",
            &format!("/api/sessions/{id}/step"),
            json!({"days": 61}),
        );
    }
    let state = server.ok(
        "POST",
        &format!("/api/sessions/{changed}/levers"),
        json!({"arm": 0, "levers": {"coaching_hours": 4.0, "documentation_intensity": 2.5, "integrated_team": true}}),
    );
    assert_eq!(lever(&state, 0, "coaching_hours"), 4.0);
    assert_eq!(lever(&state, 0, "documentation_intensity"), 2.5);
    assert_eq!(
        state["arms"][0]["snapshot"]["steering"]["integrated_team"],
        true
    );
    // Only arm 0: the trust arm keeps its own coaching.
    assert_eq!(lever(&state, 1, "coaching_hours"), 1.5);
    // Nothing has run yet under the new levers.
    assert_eq!(state["arms"][0]["snapshot"]["day"], 61);

    let a = run_to_end(&server, &plain);
    let b = run_to_end(&server, &changed);
    let (sa, sb) = (series(&a, 0), series(&b, 0));
    // Months 1 and 2 (days 0 to 60) ran before the change: the same.
    for m in 0..2 {
        assert!(
            sa[m].iter().zip(&sb[m]).all(|(x, y)| same(*x, *y)),
            "month {m} differs"
        );
    }
    let doc = SERIES_METRICS
        .iter()
        .position(|s| s.name == "documentation_intensity")
        .expect("metric");
    assert!(
        sb[3][doc] > sa[3][doc] + 1.0,
        "documentation {} vs {}",
        sb[3][doc],
        sa[3][doc]
    );
    assert!(sa.iter().zip(&sb).skip(2).any(|(x, y)| x != y));
    // The other arm was not touched: the same to the bit.
    let (ta, tb) = (series(&a, 1), series(&b, 1));
    assert!(
        ta.iter()
            .flatten()
            .zip(tb.iter().flatten())
            .all(|(x, y)| same(*x, *y))
    );
    // Without `arm`, every arm.
    let (both, _) = create(&server, json!({"scenario": "small"}));
    let state = server.ok(
        "POST",
        &format!("/api/sessions/{both}/levers"),
        json!({"levers": {"caseload_cap": 12}}),
    );
    assert_eq!(lever(&state, 0, "caseload_cap"), 12.0);
    assert_eq!(lever(&state, 1, "caseload_cap"), 12.0);
}

#[test]
fn events_change_the_department() {
    let dir = temp_dir("serve-events");
    let server = TestServer::start(&dir);
    let (id, _) = create(&server, json!({"scenario": "small", "arms": [0]}));
    server.ok(
        "POST",
        &format!("/api/sessions/{id}/step"),
        json!({"days": 30}),
    );
    let before = server.ok("GET", &format!("/api/sessions/{id}"), json!({}));
    let state = server.ok(
        "POST",
        &format!("/api/sessions/{id}/events"),
        json!({"event": "scandal"}),
    );
    let snap = |s: &Value, k: &str| s["arms"][0]["snapshot"][k].as_f64().expect(k);
    assert_eq!(snap(&state, "scandals"), snap(&before, "scandals") + 1.0);
    // Control's ratchet: a scandal adds rules.
    assert!(snap(&state, "documentation_intensity") > snap(&before, "documentation_intensity"));

    let state = server.ok(
        "POST",
        &format!("/api/sessions/{id}/events"),
        json!({"event": "demand_surge"}),
    );
    let rise =
        snap(&state, "reports_per_position_year") / snap(&before, "reports_per_position_year");
    assert!((rise - 1.25).abs() < 1e-12, "demand rose by {rise}");

    let state = server.ok(
        "POST",
        &format!("/api/sessions/{id}/events"),
        json!({"event": "reform_trust"}),
    );
    assert_eq!(lever(&state, 0, "coaching_hours"), 1.5);
    assert_eq!(lever(&state, 0, "approval_threshold"), 1.0);
    assert_eq!(snap(&state, "regime_switches"), 1.0);
    let state = server.ok(
        "POST",
        &format!("/api/sessions/{id}/events"),
        json!({"event": "reform_control"}),
    );
    assert_eq!(lever(&state, 0, "coaching_hours"), 0.5);
    assert_eq!(snap(&state, "regime_switches"), 2.0);
    // The scandal counted once, also after the next day has run.
    let state = server.ok(
        "POST",
        &format!("/api/sessions/{id}/step"),
        json!({"days": 1}),
    );
    assert!(snap(&state, "scandals") >= snap(&before, "scandals") + 1.0);
}

#[test]
fn bad_requests_are_refused_with_a_clear_message() {
    let dir = temp_dir("serve-bad");
    let server = TestServer::start(&dir);
    let (id, _) = create(&server, json!({"scenario": "small"}));
    let s = format!("/api/sessions/{id}");
    let cases: Vec<(&str, String, &str, &str)> = vec![
        ("POST", "/api/sessions".into(), "{bad", "malformed request"),
        ("POST", "/api/sessions".into(), "", "empty request body"),
        (
            "POST",
            "/api/sessions".into(),
            r#"{"scenario":"small","colour":1}"#,
            "unknown field",
        ),
        (
            "POST",
            "/api/sessions".into(),
            r#"{"scenario":"nowhere"}"#,
            "unknown scenario `nowhere`",
        ),
        (
            "POST",
            "/api/sessions".into(),
            r#"{"scenario":"../../etc/passwd"}"#,
            "unknown scenario",
        ),
        (
            "POST",
            "/api/sessions".into(),
            r#"{"scenario":"small","arms":[]}"#,
            "1 to 2 arms",
        ),
        (
            "POST",
            "/api/sessions".into(),
            r#"{"scenario":"small","arms":[0,1,2]}"#,
            "1 to 2 arms",
        ),
        (
            "POST",
            "/api/sessions".into(),
            r#"{"scenario":"small","arms":[99]}"#,
            "arm 99 does not exist",
        ),
        (
            "POST",
            "/api/sessions".into(),
            r#"{"scenario":"small","years":0}"#,
            "years must be 1 to 30",
        ),
        (
            "POST",
            "/api/sessions".into(),
            r#"{"scenario":"small","years":31}"#,
            "years must be 1 to 30",
        ),
        (
            "POST",
            "/api/sessions".into(),
            r#"{"scenario":"small","seed":"abc"}"#,
            "not a whole number",
        ),
        (
            "POST",
            "/api/sessions".into(),
            r#"{"scenario":"small","seed":-1}"#,
            "malformed request",
        ),
        (
            "POST",
            format!("{s}/step"),
            r#"{"days":0}"#,
            "days must be 1 to 366",
        ),
        (
            "POST",
            format!("{s}/step"),
            r#"{"days":367}"#,
            "days must be 1 to 366",
        ),
        (
            "POST",
            format!("{s}/step"),
            r#"{"days":"many"}"#,
            "malformed request",
        ),
        (
            "POST",
            format!("{s}/levers"),
            r#"{"levers":{"speed_of_light":1}}"#,
            "unknown lever `speed_of_light`",
        ),
        (
            "POST",
            format!("{s}/levers"),
            r#"{"levers":{"coaching_hours":99}}"#,
            "out of range",
        ),
        (
            "POST",
            format!("{s}/levers"),
            r#"{"levers":{"named_person":2}}"#,
            "true or false",
        ),
        (
            "POST",
            format!("{s}/levers"),
            r#"{"levers":{"caseload_cap":2.5}}"#,
            "whole number",
        ),
        ("POST", format!("{s}/levers"), r#"{"levers":{}}"#, "empty"),
        (
            "POST",
            format!("{s}/levers"),
            r#"{"arm":5,"levers":{"coaching_hours":1}}"#,
            "arm 5 does not exist",
        ),
        (
            "POST",
            format!("{s}/events"),
            r#"{"event":"earthquake"}"#,
            "malformed request",
        ),
        (
            "POST",
            format!("{s}/play"),
            r#"{"playing":true,"speed":0}"#,
            "speed must be 1 to 365",
        ),
        (
            "POST",
            format!("{s}/play"),
            r#"{"playing":"yes"}"#,
            "malformed request",
        ),
    ];
    for (method, path, body, expected) in cases {
        let (status, value) = server.call(method, &path, Some(body));
        let message = value["error"].as_str().unwrap_or_default();
        assert_eq!(status, 400, "{method} {path} {body}: {status} {value}");
        assert!(
            message.contains(expected),
            "{method} {path} {body}: `{message}` does not say `{expected}`"
        );
    }
    // A refused lever change changes nothing, not even the valid lever
    // sent with it.
    let (_, value) = server.call(
        "POST",
        &format!("{s}/levers"),
        Some(r#"{"levers":{"coaching_hours":2,"blame_culture":-1}}"#),
    );
    assert!(
        value["error"]
            .as_str()
            .is_some_and(|e| e.contains("blame_culture"))
    );
    let state = server.ok("GET", &s, json!({}));
    assert_eq!(lever(&state, 0, "coaching_hours"), 0.5);

    let big = format!(
        r#"{{"scenario":"{}"}}"#,
        "x".repeat(LIMITS.max_body_bytes + 1)
    );
    let (status, _, _) = server.raw("POST", "/api/sessions", Some(&big));
    assert_eq!(status, 413, "an oversized body is refused");
    let (status, value) = server.call("POST", "/api/sessions/0000/step", Some(r#"{"days":1}"#));
    assert_eq!(status, 404, "{value}");
    let (status, _) = server.call("GET", "/etc/passwd", None);
    assert_eq!(status, 404);
    // And the server still answers.
    let state = server.ok("POST", &format!("{s}/step"), json!({"days": 1}));
    assert_eq!(state["arms"][0]["snapshot"]["day"], 1);
}

#[test]
fn at_most_the_session_limit_is_kept() {
    let dir = temp_dir("serve-limit");
    let server = TestServer::start(&dir);
    let (first, _) = create(&server, json!({"scenario": "small", "arms": [0]}));
    let mut last = String::new();
    for _ in 0..LIMITS.max_sessions {
        last = create(&server, json!({"scenario": "small", "arms": [0]})).0;
    }
    // The least recently used made room; the newest is there.
    let (status, _) = server.call("GET", &format!("/api/sessions/{first}"), None);
    assert_eq!(status, 404);
    let (status, _) = server.call("GET", &format!("/api/sessions/{last}"), None);
    assert_eq!(status, 200);
}

/// Reads server-sent events until one named `state` arrives.
fn next_state(reader: &mut impl BufRead) -> Value {
    let mut event = String::new();
    loop {
        let mut line = String::new();
        let n = reader.read_line(&mut line).expect("read stream");
        assert!(n > 0, "the stream ended");
        let line = line.trim_end();
        if let Some(name) = line.strip_prefix("event:") {
            event = name.trim().to_owned();
        } else if let Some(data) = line.strip_prefix("data:")
            && event == "state"
        {
            return serde_json::from_str(data.trim()).expect("state JSON");
        }
    }
}

#[test]
fn the_stream_sends_the_state_after_every_change_and_play_runs_on() {
    let dir = temp_dir("serve-stream");
    let server = TestServer::start(&dir);
    let (id, _) = create(&server, json!({"scenario": "small"}));
    let mut stream = TcpStream::connect(server.addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    write!(
        stream,
        "GET /api/sessions/{id}/stream HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
        server.addr
    )
    .expect("send");
    let mut reader = BufReader::new(stream);
    let mut status = String::new();
    reader.read_line(&mut status).expect("status");
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    let first = next_state(&mut reader);
    assert_eq!(first["arms"][0]["snapshot"]["day"], 0);
    server.ok(
        "POST",
        &format!("/api/sessions/{id}/step"),
        json!({"days": 7}),
    );
    let second = next_state(&mut reader);
    assert_eq!(second["arms"][0]["snapshot"]["day"], 7);

    let state = server.ok(
        "POST",
        &format!("/api/sessions/{id}/play"),
        json!({"playing": true, "speed": 365}),
    );
    assert_eq!(state["playing"], true);
    // The play loop moves it on by itself.
    let moved = loop {
        let s = next_state(&mut reader);
        if s["arms"][0]["snapshot"]["day"].as_u64() > Some(7) {
            break s;
        }
    };
    assert_eq!(
        moved["arms"][0]["snapshot"]["day"], moved["arms"][1]["snapshot"]["day"],
        "the arms run in lock-step"
    );
    // The stream sends each month once: after the first event, only the
    // months it has not sent before.
    let mut months = moved["arms"][0]["snapshot"]["months"]
        .as_u64()
        .expect("months") as usize;
    let mut incremental = false;
    while months < 4 {
        let s = next_state(&mut reader);
        let arm = &s["arms"][0];
        let from = arm["series_from"].as_u64().expect("series_from") as usize;
        let rows = arm["series"].as_array().map_or(0, Vec::len);
        assert_eq!(from, months, "the stream skipped or repeated months");
        assert_eq!(
            arm["snapshot"]["months"].as_u64(),
            Some((from + rows) as u64)
        );
        incremental |= from > 0;
        months = from + rows;
    }
    assert!(incremental);
    let state = server.ok(
        "POST",
        &format!("/api/sessions/{id}/play"),
        json!({"playing": false}),
    );
    assert_eq!(state["playing"], false);
    assert_eq!(
        state["arms"][0]["series_from"], 0,
        "answers carry every month"
    );
    // The server is dropped with this stream still open: it must still stop.
}

#[test]
fn the_page_and_its_assets_are_served_from_the_binary_only() {
    let dir = temp_dir("serve-page");
    let server = TestServer::start(&dir);
    for (path, kind) in [
        ("/", "text/html"),
        ("/app.js", "text/javascript"),
        ("/style.css", "text/css"),
        ("/teaching.md", "text/plain"),
    ] {
        let (status, headers, body) = server.raw("GET", path, None);
        assert_eq!(status, 200, "{path}");
        assert!(
            headers["content-type"].starts_with(kind),
            "{path}: {headers:?}"
        );
        assert!(
            headers["content-security-policy"].starts_with("default-src 'self'"),
            "{path}"
        );
        // No outside address (the SVG namespace is a name, not a request).
        let outside = body
            .replace("http://www.w3.org/2000/svg", "")
            .contains("://");
        assert!(
            !outside || path == "/teaching.md",
            "{path} names an outside address"
        );
        assert!(!body.is_empty());
    }
    let (_, _, page) = server.raw("GET", "/", None);
    for id in [
        "play",
        "step-week",
        "speed",
        "reset",
        "seed",
        "scenario",
        "side",
        "lang",
        "large",
        "lessons",
        "month",
    ] {
        assert!(
            page.contains(&format!("id=\"{id}\"")),
            "the page has no #{id}"
        );
    }
}

#[test]
fn a_scenario_too_large_to_run_live_is_refused() {
    let dir = temp_dir("serve-large");
    let text = SMALL
        .replace("workers_per_unit = 6", "workers_per_unit = 50")
        .replace("units = 2", "units = 100");
    let path = dir.join("large.toml");
    std::fs::write(&path, text).expect("write");
    let scenario = tillit::scenario::load(&path).expect("parses");
    let err = Catalogue::new(Some(("large".into(), scenario))).expect_err("refused");
    assert!(matches!(err, ServeError::TooLarge { .. }), "{err}");
    let out = tillit(&dir, &["serve", "large.toml", "--port", "0"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("5000 case-worker positions"), "{stderr}");
    assert!(stderr.contains("at most 2000"), "{stderr}");
}

/// `tillit serve --port 0` prints its address, answers, and stops cleanly
/// on Ctrl-C (SIGINT).
#[cfg(unix)]
#[test]
fn the_command_prints_its_address_and_stops_on_ctrl_c() {
    let dir = temp_dir("serve-command");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tillit"))
        .args(["serve", "--port", "0"])
        .current_dir(&dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start tillit serve");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    let first = lines.next().expect("a line").expect("text");
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no address in `{first}`"));
    let addr: SocketAddr = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .expect("address");
    let server = TestServer {
        addr,
        stop: None,
        thread: None,
    };
    let (status, catalogue) = server.call("GET", "/api/catalogue", None);
    assert_eq!(status, 200);
    assert_eq!(catalogue["scenarios"][0]["id"], "default");
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(kill.success());
    let status = child.wait().expect("wait");
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(status.success(), "exit {status:?}: {rest:?}");
    assert!(rest.iter().any(|l| l.contains("stopped")), "{rest:?}");
}

/// The browser tests: e2e/serve.test.mjs in headless Chromium. Needs
/// Debian's chromium at /usr/bin/chromium and `npm ci` in e2e/.
#[test]
#[ignore = "needs Chromium and npm: run bash .ci/run"]
fn the_page_works_in_headless_chromium() {
    let root = crate::support::root();
    let e2e = root.join("e2e");
    assert!(
        Path::new("/usr/bin/chromium").exists(),
        "no /usr/bin/chromium: apt-get install chromium"
    );
    assert!(
        e2e.join("node_modules/playwright-core").exists(),
        "no e2e/node_modules: run (cd e2e && npm ci)"
    );
    let out = std::process::Command::new("node")
        .args(["--test", "serve.test.mjs"])
        .current_dir(&e2e)
        .env("TILLIT_BIN", env!("CARGO_BIN_EXE_tillit"))
        .output()
        .expect("run node (is Node.js installed?)");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "browser tests failed:\n{text}");
    assert!(text.contains("# fail 0"), "{text}");
}
