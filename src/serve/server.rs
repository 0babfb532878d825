/*!
Starting the server: the address (loopback unless told otherwise, with a warning for any other),
the routes, the security headers, CORS when asked for, the archive watcher and a clean stop on
Ctrl-C or SIGTERM.

Every response carries a Content-Security-Policy that allows no inline script and nothing from
another origin (the page's own `/static/` files only), and headers that keep it out of frames
and other sites' referrers. No address writes anything: every route answers GET (and HEAD) only.
*/

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::http::{header, HeaderValue, Method};
use axum::middleware::map_response;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::CorsLayer;

use crate::serve::state::{watch, AppState, Live};
use crate::serve::{api, assets, pages};

/// What `newsdex serve` was asked for.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub index: PathBuf,
    pub aliases: Option<PathBuf>,
    pub addr: SocketAddr,
    pub open: bool,
    /// The origin allowed to call the API from a browser.
    pub cors: Option<String>,
    pub time_limit: Duration,
}

/// The policy: scripts, styles and images from the server itself only, no inline script.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Serves until stopped.
///
/// # Errors
///
/// The index cannot be opened, the address cannot be listened on, the CORS origin is not one.
pub fn run(options: ServeOptions) -> anyhow::Result<()> {
    let live = Arc::new(Live::open(&options.index, options.aliases.as_deref())?);
    let cors = options.cors.as_deref().map(cors).transpose()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // Searches hold a slot each (AppState::searches); a few more threads serve the watcher.
        .max_blocking_threads(AppState::searches() + 4)
        .build()?;
    runtime.block_on(serve(live, options, cors))
}

/// The CORS layer letting `origin` call the API.
fn cors(origin: &str) -> anyhow::Result<CorsLayer> {
    let value = origin
        .trim_end_matches('/')
        .parse::<HeaderValue>()
        .ok()
        .filter(|_| origin.starts_with("http://") || origin.starts_with("https://"))
        .ok_or_else(|| {
            newsdex::Error::Usage(format!(
                "--cors {origin:?} is not an origin; give one like http://localhost:3000"
            ))
        })?;
    Ok(CorsLayer::new()
        .allow_origin(value)
        .allow_methods([Method::GET, Method::HEAD]))
}

async fn serve(
    live: Arc<Live>,
    options: ServeOptions,
    cors: Option<CorsLayer>,
) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(options.addr)
        .await
        .map_err(|err| {
            newsdex::Error::Usage(format!(
                "cannot listen on {}: {err}; pick another address with --addr 127.0.0.1:PORT",
                options.addr
            ))
        })?;
    let local = listener.local_addr()?;
    if !local.ip().is_loopback() {
        eprintln!(
            "newsdex: warning: listening on {local}, not on a loopback address: anyone who can reach this machine can read the whole archive"
        );
    }
    // The address to browse: a wildcard address is reached on loopback.
    let shown = if local.ip().is_unspecified() {
        SocketAddr::new(
            if local.is_ipv4() {
                std::net::Ipv4Addr::LOCALHOST.into()
            } else {
                std::net::Ipv6Addr::LOCALHOST.into()
            },
            local.port(),
        )
    } else {
        local
    };
    let url = format!("http://{shown}/");
    println!(
        "newsdex: serving {} at {url} (Ctrl-C to stop)",
        options.index.display()
    );
    if options.open {
        if let Err(err) = opener::open_browser(&url) {
            eprintln!("newsdex: could not open a browser ({err}); open {url} yourself");
        }
    }
    let state = Arc::new(AppState::new(live.clone(), options.time_limit));
    tokio::spawn(watch(live));
    axum::serve(listener, router(state, cors))
        .with_graceful_shutdown(stopped())
        .await?;
    Ok(())
}

/// The routes.
pub fn router(state: Arc<AppState>, cors: Option<CorsLayer>) -> Router {
    let mut api = Router::new()
        .route("/search", get(api::search))
        .route("/quotes", get(api::quotes))
        .route("/facets/{kind}", get(api::facets))
        .route("/timeline", get(api::timeline))
        .route("/cooccur/{facet}", get(api::cooccur))
        .route("/show", get(api::show))
        .route("/stats", get(api::stats))
        .fallback(api::not_found);
    if let Some(cors) = cors {
        api = api.layer(cors);
    }
    Router::new()
        .route("/", get(pages::search))
        .route("/article", get(pages::article))
        .route("/speaker", get(pages::speaker))
        .route("/static/{file}", get(assets::file))
        .route("/favicon.ico", get(assets::favicon))
        .nest("/api", api)
        .fallback(pages::not_found)
        .with_state(state)
        .layer(CatchPanicLayer::new())
        .layer(map_response(security_headers))
}

/// The headers every response carries.
async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// Resolves on Ctrl-C or SIGTERM.
async fn stopped() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    eprintln!("newsdex: stopping");
}
