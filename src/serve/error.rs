/*!
What can go wrong with a request, and the HTTP status it gets: 400 for a bad query or parameter,
404 for an unknown article or address, 413 for an oversize request, 503 when a search runs past
the time limit, 500 for index read errors. The API answers `{"error": "..."}`; pages render the
same message in an error page (built by the `pages` module, which uses this one).
*/

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// A request that could not be answered, with the message the user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServeError {
    /// A malformed parameter or query (400).
    BadRequest(String),
    /// An unknown article or address (404).
    NotFound(String),
    /// A query, a value or a page past the limits (413).
    TooLarge(String),
    /// The search took longer than the time limit (503).
    Unavailable(String),
    /// The index could not be read (500).
    Internal(String),
}

impl ServeError {
    pub fn status(&self) -> StatusCode {
        match self {
            ServeError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ServeError::NotFound(_) => StatusCode::NOT_FOUND,
            ServeError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ServeError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ServeError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            ServeError::BadRequest(m)
            | ServeError::NotFound(m)
            | ServeError::TooLarge(m)
            | ServeError::Unavailable(m)
            | ServeError::Internal(m) => m,
        }
    }
}

/// Library errors: what the user can fix (a query, a filter value, a date) is a bad request;
/// the rest (index read errors) is the server's: logged in full on stderr, and answered without
/// the server's file paths.
impl From<newsdex::Error> for ServeError {
    fn from(err: newsdex::Error) -> ServeError {
        if err.is_usage() {
            ServeError::BadRequest(err.to_string())
        } else {
            eprintln!("newsdex serve: {err}");
            ServeError::Internal(
                "the index could not be read; the server's log says why".to_string(),
            )
        }
    }
}

/// The API's error body: `{"error": "..."}` with the status.
impl IntoResponse for ServeError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message() });
        (self.status(), axum::Json(body)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_errors_are_the_users_and_others_the_servers() {
        let query = newsdex::Error::Query {
            query: "a AND".to_string(),
            reason: "syntax".to_string(),
        };
        assert_eq!(
            ServeError::from(query).status(),
            StatusCode::BAD_REQUEST,
            "a bad query is a bad request"
        );
        let io = newsdex::Error::Io {
            path: "index/meta.json".into(),
            source: std::io::Error::other("disk"),
        };
        let answer = ServeError::from(io);
        assert_eq!(answer.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(
            !answer.message().contains("meta.json"),
            "no server path in the answer: {}",
            answer.message()
        );
    }
}
