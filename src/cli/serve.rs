//! `tillit serve`: the teaching view, a local web server with the department
//! live in the browser.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use tillit::serve::{Catalogue, Server};

use super::UsageError;

/// Arguments of `tillit serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// A scenario to offer first, besides the shipped ones [default: only the
    /// shipped scenarios].
    scenario: Option<PathBuf>,
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 8017)]
    port: u16,
    /// Address to listen on. The default answers this computer only;
    /// `0.0.0.0` answers the whole network (a classroom).
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// Open the page in the default browser.
    #[arg(long)]
    open: bool,
}

/// Runs the server until Ctrl-C.
pub fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let start = match &args.scenario {
        Some(path) => {
            let scenario = tillit::scenario::load(path)?;
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "start".to_owned());
            Some((id, scenario))
        }
        None => None,
    };
    let catalogue = Catalogue::new(start).map_err(|e| match e {
        tillit::serve::ServeError::TooLarge { .. } => anyhow::Error::new(UsageError(e.to_string())),
        other => anyhow::Error::new(other),
    })?;
    // Two worker threads: the simulations are small, and the machine is
    // the teacher's.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async move {
        let addr = SocketAddr::new(args.host, args.port);
        let server = Server::bind(addr, catalogue)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        let bound = server.local_addr()?;
        let url = if args.host.is_unspecified() {
            format!("http://127.0.0.1:{}/", bound.port())
        } else {
            format!("http://{bound}/")
        };
        note!("tillit serve: open {url}  (Ctrl-C stops)");
        if args.host.is_unspecified() {
            note!(
                "warning: listening on every network interface ({bound}): anyone on this network can open the page and start simulations"
            );
        } else if !args.host.is_loopback() {
            note!("warning: listening on {bound}: other computers can reach it");
        }
        if args.open {
            open_browser(&url);
        }
        server
            .run(async {
                // If Ctrl-C cannot be watched, the server still runs; it
                // is then stopped like any process.
                if tokio::signal::ctrl_c().await.is_err() {
                    std::future::pending::<()>().await;
                }
            })
            .await
            .context("the server stopped")?;
        note!("tillit serve: stopped");
        anyhow::Ok(())
    })
}

/// Asks the desktop to open `url`; says so when it cannot.
fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(target_os = "windows") {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    match std::process::Command::new(program)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        Ok(_) => {}
        Err(e) => note!("could not open a browser ({program}: {e}): open {url} yourself"),
    }
}
