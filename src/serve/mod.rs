/*!
`newsdex serve`: the archive in a browser and as a JSON API, from one process. A front end like
`src/cli/`, over the library's public API only.

The files, each using only those before it: [`error`] (what can go wrong and its status),
[`params`] (query parameters and their limits), [`state`] (the live archive, searches off the
async threads within a time limit), [`links`] (the search page's state as a URL), [`views`] (what
pages show, and their templates), [`marked`] (quotes marked in an article's text),
[`timeline_svg`] (the timeline's bars), [`search_page`], [`api`] (`/api/...`), [`pages`] (the HTML
pages), [`assets`] (the stylesheet and the script, compiled in) and [`server`] (routes, headers,
start and stop).
*/

pub mod api;
pub mod assets;
pub mod error;
pub mod links;
pub mod marked;
pub mod pages;
pub mod params;
pub mod search_page;
pub mod server;
pub mod state;
pub mod timeline_svg;
pub mod views;
