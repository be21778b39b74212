//! The JSON API, the sessions it keeps and the loop that plays them.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use tokio::sync::watch;

use super::assets;
use super::catalogue::Catalogue;
use crate::engine::{LiveError, LiveEvent, LiveRun, Snapshot};
use crate::model::params::{PARAMETERS, ParamKind, Params};
use crate::model::presets::Preset;
use crate::outcome::SERIES_METRICS;
use crate::scenario::DAYS_PER_YEAR;

/// What one server lets its users start.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Limits {
    /// Simulations kept at once; starting one more ends the one used least
    /// recently.
    pub max_sessions: usize,
    /// Arms in one simulation (side by side).
    pub max_arms: usize,
    /// Years of one run.
    pub max_years: u32,
    /// Case-worker positions of one arm.
    pub max_positions: usize,
    /// Days one step request may run.
    pub max_step_days: u32,
    /// Days per second when playing.
    pub max_speed: u32,
    /// Bytes of one request body.
    pub max_body_bytes: usize,
}

/// The bounds of `tillit serve`.
pub const LIMITS: Limits = Limits {
    max_sessions: 16,
    max_arms: 2,
    max_years: 30,
    max_positions: 2000,
    max_step_days: 366,
    max_speed: 365,
    max_body_bytes: 16 * 1024,
};

/// The steering levers the page offers as sliders and switches.
const PAGE_LEVERS: [&str; 8] = [
    "documentation_intensity",
    "decision_latitude",
    "coaching_hours",
    "approval_threshold",
    "caseload_cap",
    "blame_culture",
    "integrated_team",
    "named_person",
];

/// How often a playing simulation is advanced.
const TICK: Duration = Duration::from_millis(100);

struct Session {
    scenario: String,
    seed: u64,
    replication: u32,
    arm_names: Vec<String>,
    runs: Vec<LiveRun<'static>>,
    playing: bool,
    /// Days per second while playing.
    speed: u32,
    /// Days owed to the play loop (fractions of a day between ticks).
    owed: f64,
    last_used: Instant,
    changed: watch::Sender<u64>,
}

impl Session {
    fn touch(&mut self) {
        self.last_used = Instant::now();
    }

    fn bump(&self) {
        self.changed.send_modify(|v| *v += 1);
    }

    fn step(&mut self, days: u32) -> u32 {
        // Lock-step: every arm runs the same days.
        let mut done = 0;
        for run in &mut self.runs {
            done = run.step_days(days);
        }
        done
    }

    fn finished(&self) -> bool {
        self.runs.iter().all(LiveRun::finished)
    }

    /// The state; each arm's series from month `from[arm]` on (all of it
    /// where `from` has no entry).
    fn view(&self, id: &str, from: &[usize]) -> SessionView<'_> {
        SessionView {
            id: id.to_owned(),
            scenario: &self.scenario,
            seed: self.seed.to_string(),
            replication: self.replication,
            playing: self.playing,
            speed: self.speed,
            arms: self
                .runs
                .iter()
                .zip(&self.arm_names)
                .enumerate()
                .map(|(a, (run, name))| {
                    let start = from.get(a).copied().unwrap_or(0).min(run.series().len());
                    ArmState {
                        name,
                        snapshot: run.snapshot(),
                        series_from: start,
                        series: run.series()[start..].iter().map(|s| s.0.to_vec()).collect(),
                    }
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct SessionView<'a> {
    id: String,
    scenario: &'a str,
    /// As text: JavaScript numbers hold only 53 bits.
    seed: String,
    replication: u32,
    playing: bool,
    speed: u32,
    arms: Vec<ArmState<'a>>,
}

#[derive(Serialize)]
struct ArmState<'a> {
    name: &'a str,
    snapshot: Snapshot,
    /// The month of the first row of `series`: 0 in every answer to a
    /// request; on the stream, the months the stream has not sent before.
    series_from: usize,
    /// One row per month, the metrics in catalogue order (`null`: no value).
    series: Vec<Vec<f64>>,
}

struct Sessions {
    map: HashMap<String, Session>,
}

struct Inner {
    catalogue: &'static Catalogue,
    sessions: Mutex<Sessions>,
    shutdown: watch::Sender<bool>,
}

/// The server's state, shared by the handlers and the play loop.
#[derive(Clone)]
pub(super) struct Shared(Arc<Inner>);

impl Shared {
    pub(super) fn new(catalogue: &'static Catalogue) -> Shared {
        Shared(Arc::new(Inner {
            catalogue,
            sessions: Mutex::new(Sessions {
                map: HashMap::new(),
            }),
            shutdown: watch::Sender::new(false),
        }))
    }

    fn sessions(&self) -> MutexGuard<'_, Sessions> {
        // A handler that panicked cannot leave a session half-stepped in a
        // way that matters more than losing the server: carry on.
        self.0
            .sessions
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Ends the live streams, so that a graceful shutdown does not wait for
    /// browsers to close them.
    pub(super) fn shut_down(&self) {
        self.0.shutdown.send_replace(true);
    }
}

/// An API error: a status and a sentence, sent as `{"error": "..."}`.
#[derive(Debug)]
struct ApiError(StatusCode, String);

impl ApiError {
    fn bad(message: impl Into<String>) -> ApiError {
        ApiError(StatusCode::BAD_REQUEST, message.into())
    }

    fn no_session(id: &str) -> ApiError {
        ApiError(
            StatusCode::NOT_FOUND,
            format!(
                "no simulation `{id}` (it ended or was replaced by a newer one): start a new one"
            ),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.1 }).to_string();
        (self.0, [(header::CONTENT_TYPE, "application/json")], body).into_response()
    }
}

type ApiResult = Result<Response, ApiError>;

/// Parses a JSON body, or says in one sentence what is wrong with it.
fn parse<T: serde::de::DeserializeOwned>(body: &Bytes) -> Result<T, ApiError> {
    if body.is_empty() {
        return Err(ApiError::bad("empty request body: send a JSON object"));
    }
    serde_json::from_slice(body).map_err(|e| ApiError::bad(format!("malformed request: {e}")))
}

pub(super) fn router(state: Shared) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { page(assets::INDEX_HTML, "text/html; charset=utf-8") }),
        )
        .route(
            "/app.js",
            get(|| async { page(assets::APP_JS, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/style.css",
            get(|| async { page(assets::STYLE_CSS, "text/css; charset=utf-8") }),
        )
        .route(
            "/teaching.md",
            get(|| async { page(assets::TEACHING_MD, "text/plain; charset=utf-8") }),
        )
        .route("/api/catalogue", get(catalogue))
        .route("/api/sessions", post(create))
        .route("/api/sessions/{id}", get(state_of).delete(delete))
        .route("/api/sessions/{id}/step", post(step))
        .route("/api/sessions/{id}/levers", post(levers))
        .route("/api/sessions/{id}/events", post(event))
        .route("/api/sessions/{id}/play", post(play))
        .route("/api/sessions/{id}/stream", get(stream))
        .fallback(|| async { ApiError(StatusCode::NOT_FOUND, "no such page".into()) })
        .layer(DefaultBodyLimit::max(LIMITS.max_body_bytes))
        .with_state(state)
}

fn page(body: &'static str, content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            // Nothing but this server: no outside script, style, font or request.
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

#[derive(Serialize)]
struct LeverView {
    name: &'static str,
    unit: &'static str,
    kind: &'static str,
    min: f64,
    max: f64,
    meaning: &'static str,
    on_page: bool,
}

#[derive(Serialize)]
struct MetricView {
    name: &'static str,
    unit: &'static str,
    meaning: &'static str,
}

async fn catalogue(State(state): State<Shared>) -> Response {
    let levers: Vec<LeverView> = PARAMETERS
        .iter()
        .filter(|p| p.group == "steering")
        .map(|p| LeverView {
            name: p.name,
            unit: p.unit,
            kind: match p.kind {
                ParamKind::Switch => "switch",
                ParamKind::Integer => "integer",
                ParamKind::Real => "real",
            },
            min: p.min,
            max: p.max,
            meaning: p.meaning,
            on_page: PAGE_LEVERS.contains(&p.name),
        })
        .collect();
    let metrics: Vec<MetricView> = SERIES_METRICS
        .iter()
        .map(|m| MetricView {
            name: m.name,
            unit: m.unit,
            meaning: m.meaning,
        })
        .collect();
    let presets: Vec<(&str, &str)> = Preset::ALL
        .iter()
        .map(|p| (p.name(), p.meaning()))
        .collect();
    json(
        serde_json::json!({
            "scenarios": state.0.catalogue.view().scenarios,
            "levers": levers,
            "metrics": metrics,
            "presets": presets,
            "events": ["scandal", "demand_surge", "reform_trust", "reform_control"],
            "limits": LIMITS,
            "days_per_year": DAYS_PER_YEAR,
        })
        .to_string(),
    )
}

/// A seed as a JSON number or as text (JavaScript cannot hold every u64).
#[derive(Deserialize)]
#[serde(untagged)]
enum SeedValue {
    Number(u64),
    Text(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateRequest {
    scenario: String,
    /// Indices into the scenario's arms (its own, then the presets); one or two.
    arms: Option<Vec<usize>>,
    seed: Option<SeedValue>,
    replication: Option<u32>,
    years: Option<u32>,
}

async fn create(State(state): State<Shared>, body: Bytes) -> ApiResult {
    let req: CreateRequest = parse(&body)?;
    let entry = state.0.catalogue.get(&req.scenario).ok_or_else(|| {
        let ids: Vec<&str> = state
            .0
            .catalogue
            .scenarios
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        ApiError::bad(format!(
            "unknown scenario `{}`: one of {}",
            req.scenario,
            ids.join(", ")
        ))
    })?;
    let arms = req.arms.unwrap_or_else(|| {
        if entry.scenario.arms.len() >= 2 {
            vec![0, 1]
        } else {
            vec![0]
        }
    });
    if arms.is_empty() || arms.len() > LIMITS.max_arms {
        return Err(ApiError::bad(format!(
            "`arms` must name 1 to {} arms, not {}",
            LIMITS.max_arms,
            arms.len()
        )));
    }
    if let Some(&bad) = arms.iter().find(|&&a| a >= entry.arms.len()) {
        return Err(ApiError::bad(format!(
            "arm {bad} does not exist: scenario `{}` has arms 0 to {}",
            entry.id,
            entry.arms.len() - 1
        )));
    }
    let mut scenario = entry.scenario.clone();
    match req.seed {
        None => {}
        Some(SeedValue::Number(n)) => scenario.seed = n,
        Some(SeedValue::Text(t)) => {
            scenario.seed = t.trim().parse().map_err(|_| {
                ApiError::bad(format!(
                    "seed `{t}` is not a whole number from 0 to 2^64 - 1"
                ))
            })?;
        }
    }
    if let Some(years) = req.years {
        if years == 0 || years > LIMITS.max_years {
            return Err(ApiError::bad(format!(
                "years must be 1 to {}, not {years}",
                LIMITS.max_years
            )));
        }
        scenario.horizon_days = years * DAYS_PER_YEAR;
    }
    let replication = req.replication.unwrap_or(0);
    if replication >= 1_000_000 {
        return Err(ApiError::bad("replication must be below 1000000"));
    }
    let runs = arms
        .iter()
        .map(|&a| LiveRun::new(&scenario, &entry.arms[a], replication))
        .collect();
    let session = Session {
        scenario: entry.id.clone(),
        seed: scenario.seed,
        replication,
        arm_names: arms.iter().map(|&a| entry.arms[a].name.clone()).collect(),
        runs,
        playing: false,
        speed: 30,
        owed: 0.0,
        last_used: Instant::now(),
        changed: watch::Sender::new(0),
    };
    let id = format!("{:016x}", rand::random::<u64>());
    let mut sessions = state.sessions();
    if sessions.map.len() >= LIMITS.max_sessions {
        // Full: the simulation used least recently makes room (its page is
        // told so when it next asks).
        let oldest = sessions
            .map
            .iter()
            .min_by_key(|(_, s)| s.last_used)
            .map(|(k, _)| k.clone());
        if let Some(oldest) = oldest {
            sessions.map.remove(&oldest);
        }
    }
    let body = serde_json::to_string(&session.view(&id, &[])).map_err(internal)?;
    sessions.map.insert(id, session);
    Ok((StatusCode::CREATED, json(body)).into_response())
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

fn json(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Runs `f` on session `id` and answers with its state.
fn with_session(
    state: &Shared,
    id: &str,
    f: impl FnOnce(&mut Session) -> Result<(), ApiError>,
) -> ApiResult {
    let mut sessions = state.sessions();
    let session = sessions
        .map
        .get_mut(id)
        .ok_or_else(|| ApiError::no_session(id))?;
    session.touch();
    f(session)?;
    session.bump();
    let body = serde_json::to_string(&session.view(id, &[])).map_err(internal)?;
    Ok(json(body))
}

async fn state_of(State(state): State<Shared>, Path(id): Path<String>) -> ApiResult {
    with_session(&state, &id, |_| Ok(()))
}

async fn delete(State(state): State<Shared>, Path(id): Path<String>) -> ApiResult {
    match state.sessions().map.remove(&id) {
        Some(_) => Ok(StatusCode::NO_CONTENT.into_response()),
        None => Err(ApiError::no_session(&id)),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepRequest {
    days: u32,
}

async fn step(State(state): State<Shared>, Path(id): Path<String>, body: Bytes) -> ApiResult {
    let req: StepRequest = parse(&body)?;
    if req.days == 0 || req.days > LIMITS.max_step_days {
        return Err(ApiError::bad(format!(
            "days must be 1 to {}, not {}",
            LIMITS.max_step_days, req.days
        )));
    }
    with_session(&state, &id, |s| {
        s.step(req.days);
        Ok(())
    })
}

/// A lever's new value: a number, or true/false for a switch.
#[derive(Deserialize)]
#[serde(untagged)]
enum LeverValue {
    Number(f64),
    Switch(bool),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeversRequest {
    /// Which arm (0 or 1); every arm when absent.
    arm: Option<usize>,
    levers: HashMap<String, LeverValue>,
}

fn arms_of(s: &Session, arm: Option<usize>) -> Result<std::ops::Range<usize>, ApiError> {
    match arm {
        None => Ok(0..s.runs.len()),
        Some(a) if a < s.runs.len() => Ok(a..a + 1),
        Some(a) => Err(ApiError::bad(format!(
            "arm {a} does not exist: this simulation has arms 0 to {}",
            s.runs.len() - 1
        ))),
    }
}

async fn levers(State(state): State<Shared>, Path(id): Path<String>, body: Bytes) -> ApiResult {
    let req: LeversRequest = parse(&body)?;
    if req.levers.is_empty() {
        return Err(ApiError::bad("`levers` is empty: name at least one lever"));
    }
    // Every lever is checked before any is set, so that a bad one changes nothing.
    let mut changes = Vec::with_capacity(req.levers.len());
    for (name, value) in &req.levers {
        let v = match value {
            LeverValue::Number(x) => *x,
            LeverValue::Switch(b) => f64::from(u8::from(*b)),
        };
        let spec = Params::spec("steering", name)
            .ok_or_else(|| ApiError::bad(LiveError::UnknownLever(name.clone()).to_string()))?;
        spec.check(v)
            .map_err(|m| ApiError::bad(format!("lever `{name}`: {m}")))?;
        changes.push((name.as_str(), v));
    }
    with_session(&state, &id, |s| {
        for a in arms_of(s, req.arm)? {
            for &(name, v) in &changes {
                s.runs[a]
                    .set_lever(name, v)
                    .map_err(|e| ApiError::bad(e.to_string()))?;
            }
        }
        Ok(())
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventRequest {
    arm: Option<usize>,
    event: LiveEvent,
}

async fn event(State(state): State<Shared>, Path(id): Path<String>, body: Bytes) -> ApiResult {
    let req: EventRequest = parse(&body)?;
    with_session(&state, &id, |s| {
        for a in arms_of(s, req.arm)? {
            s.runs[a]
                .apply(req.event)
                .map_err(|e| ApiError::bad(e.to_string()))?;
        }
        Ok(())
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlayRequest {
    playing: bool,
    speed: Option<u32>,
}

async fn play(State(state): State<Shared>, Path(id): Path<String>, body: Bytes) -> ApiResult {
    let req: PlayRequest = parse(&body)?;
    if let Some(speed) = req.speed
        && (speed == 0 || speed > LIMITS.max_speed)
    {
        return Err(ApiError::bad(format!(
            "speed must be 1 to {} days a second, not {speed}",
            LIMITS.max_speed
        )));
    }
    with_session(&state, &id, |s| {
        if let Some(speed) = req.speed {
            s.speed = speed;
        }
        s.playing = req.playing && !s.finished();
        s.owed = 0.0;
        Ok(())
    })
}

/// Advances every playing simulation, ten times a second.
pub(super) async fn play_loop(state: Shared) {
    let mut ticker = tokio::time::interval(TICK);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        ticker.tick().await;
        let mut sessions = state.sessions();
        for session in sessions.map.values_mut().filter(|s| s.playing) {
            session.owed += f64::from(session.speed) * TICK.as_secs_f64();
            let days = session.owed.floor();
            if days >= 1.0 {
                session.owed -= days;
                session.step(days as u32);
                if session.finished() {
                    session.playing = false;
                }
                session.bump();
            }
        }
    }
}

async fn stream(State(state): State<Shared>, Path(id): Path<String>) -> ApiResult {
    let changed = {
        let mut sessions = state.sessions();
        let session = sessions
            .map
            .get_mut(&id)
            .ok_or_else(|| ApiError::no_session(&id))?;
        session.touch();
        session.changed.subscribe()
    };
    let shutdown = state.0.shutdown.subscribe();
    // Each event carries only the months this stream has not sent yet, so
    // that a long run does not resend its whole series ten times a second.
    let sent: Vec<usize> = Vec::new();
    let events = futures_util::stream::unfold(
        (state, id, changed, shutdown, sent, true),
        |(state, id, mut changed, mut shutdown, mut sent, first)| async move {
            if !first {
                tokio::select! {
                    r = changed.changed() => r.ok()?,
                    _ = shutdown.changed() => return None,
                }
            }
            if *shutdown.borrow() {
                return None;
            }
            let body = {
                let sessions = state.sessions();
                let session = sessions.map.get(&id)?;
                changed.mark_unchanged();
                let body = serde_json::to_string(&session.view(&id, &sent)).ok()?;
                sent = session.runs.iter().map(|r| r.series().len()).collect();
                body
            };
            let event = Event::default().event("state").data(body);
            Some((
                Ok::<_, std::convert::Infallible>(event),
                (state, id, changed, shutdown, sent, false),
            ))
        },
    );
    Ok(Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response())
}
