/*!
The page's stylesheet, its little script and its icon: files in the repository
(`src/serve/assets/`), compiled into the binary, so that the server needs nothing beside the index
and the build downloads nothing.

The script only adds conveniences (`/` focuses the search box, a facet's filter box filters as you
type); every page works without it.
*/

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::serve::error::ServeError;

/// The files under `/static/`: name, content type, contents.
const FILES: &[(&str, &str, &str)] = &[
    (
        "style.css",
        "text/css; charset=utf-8",
        include_str!("assets/style.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/app.js"),
    ),
    ("icon.svg", "image/svg+xml", include_str!("assets/icon.svg")),
];

/// `/static/{file}`.
pub async fn file(Path(name): Path<String>) -> Response {
    match FILES.iter().find(|(n, _, _)| *n == name) {
        Some((_, content_type, body)) => (
            [
                (header::CONTENT_TYPE, *content_type),
                // The files change only with the binary: a short cache spares reloads.
                (header::CACHE_CONTROL, "public, max-age=300"),
            ],
            *body,
        )
            .into_response(),
        None => ServeError::NotFound(format!("no file /static/{name}")).into_response(),
    }
}

/// `/favicon.ico`, which browsers ask for whatever the page says: the icon.
pub async fn favicon() -> Response {
    file(Path("icon.svg".to_string())).await
}
