//! The teaching view: a small local web server (`tillit serve`) that runs
//! the engine day by day and shows the department live in the browser.
//!
//! One page, its style sheet and its script are embedded in the binary
//! (see [`assets`]); nothing is fetched from elsewhere and nothing needs
//! building. The page talks to a JSON API:
//!
//! | method and path | body | what it does |
//! |---|---|---|
//! | `GET /api/catalogue` | | the scenarios, their arms, the levers, the metrics and the limits |
//! | `POST /api/sessions` | `{"scenario", "arms", "seed", "replication", "years"}` | starts a simulation of one or two arms in lock-step |
//! | `GET /api/sessions/{id}` | | its state: per arm a [`crate::engine::Snapshot`] and the monthly series so far |
//! | `POST /api/sessions/{id}/step` | `{"days"}` | runs every arm that many days |
//! | `POST /api/sessions/{id}/levers` | `{"arm", "levers": {name: value}}` | sets levers from the next day |
//! | `POST /api/sessions/{id}/events` | `{"arm", "event"}` | a scandal, a demand surge, a reform |
//! | `POST /api/sessions/{id}/play` | `{"playing", "speed"}` | runs on by itself, `speed` days a second |
//! | `GET /api/sessions/{id}/stream` | | server-sent events: the state after every change, each month of the series sent once (`series_from`) |
//! | `DELETE /api/sessions/{id}` | | ends it |
//!
//! Safe in a classroom: the server reads no file after it has started (the
//! scenarios are parsed once, before), writes none, bounds what a request
//! can start ([`Limits`]), answers a malformed request with 400 and a
//! sentence saying what is wrong, and stops cleanly when its shutdown
//! future completes.

mod api;
pub mod assets;
mod catalogue;

pub use api::{LIMITS, Limits};
pub use catalogue::{Catalogue, CatalogueScenario, SHIPPED};

use std::future::Future;
use std::net::SocketAddr;

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// A shipped scenario does not parse (a bug in the build).
    #[error("shipped scenario {name} does not load: {message}")]
    Shipped {
        /// The scenario's file name.
        name: &'static str,
        /// The parser's message.
        message: String,
    },
    /// The scenario given at start is larger than a live run may be.
    #[error("scenario `{name}` is too large for the live view: {reason}")]
    TooLarge {
        /// The scenario's name.
        name: String,
        /// Which bound it breaks.
        reason: String,
    },
    /// The address could not be bound or the connection failed.
    #[error("network: {0}")]
    Io(#[from] std::io::Error),
}

/// A bound server, ready to run.
pub struct Server {
    listener: tokio::net::TcpListener,
    app: axum::Router,
    state: api::Shared,
}

impl Server {
    /// Binds `addr` (port 0: any free port) and prepares the routes over
    /// `catalogue`. The catalogue lives as long as the process: live runs
    /// borrow its arms, so it is allocated once and never freed.
    pub async fn bind(addr: SocketAddr, catalogue: Catalogue) -> Result<Server, ServeError> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let catalogue: &'static Catalogue = Box::leak(Box::new(catalogue));
        let state = api::Shared::new(catalogue);
        let app = api::router(state.clone());
        Ok(Server {
            listener,
            app,
            state,
        })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> Result<SocketAddr, ServeError> {
        Ok(self.listener.local_addr()?)
    }

    /// Serves until `shutdown` completes, then closes the live streams,
    /// finishes the requests under way and returns.
    pub async fn run(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServeError> {
        let ticker = tokio::spawn(api::play_loop(self.state.clone()));
        let state = self.state.clone();
        let result = axum::serve(self.listener, self.app)
            .with_graceful_shutdown(async move {
                shutdown.await;
                state.shut_down();
            })
            .await;
        ticker.abort();
        Ok(result?)
    }
}
