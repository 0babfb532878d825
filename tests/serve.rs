//! `newsdex serve`: the real server on a free port, asked over HTTP. The API must answer the
//! JSON the command line prints, with errors as JSON; the pages must escape what articles hold
//! and make the links that filters need; new commits must show without a restart.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use scraper::{Html, Selector};
use serde_json::Value;

use crate::util::Fixture;

/// A running `newsdex serve`, stopped when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    stderr: Arc<Mutex<String>>,
    _stdout: BufReader<ChildStdout>,
}

/// An answer: status, headers we look at, body.
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }
}

impl Server {
    /// Starts `newsdex serve --index INDEX --addr 127.0.0.1:0 EXTRA...` and waits for its
    /// address.
    pub fn start(index: &Path, extra: &[&str]) -> Server {
        Server::start_at(index, "127.0.0.1:0", extra)
    }

    pub fn start_at(index: &Path, addr: &str, extra: &[&str]) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("newsdex"))
            .arg("serve")
            .arg("--index")
            .arg(index)
            .args(["--addr", addr])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("newsdex serve starts");
        // Drain stderr so that the server never blocks on it, and keep it for the tests.
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut pipe = child.stderr.take().expect("stderr");
        let sink = stderr.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut text) = sink.lock() {
                    text.push_str(&String::from_utf8_lossy(&buf[..n]));
                }
            }
        });
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        stdout
            .read_line(&mut line)
            .expect("the server's first line");
        let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://")) else {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "no address in {line:?}; stderr: {}",
                stderr.lock().map(|s| s.clone()).unwrap_or_default()
            );
        };
        Server {
            base: url.trim_end_matches('/').to_string(),
            child,
            stderr,
            _stdout: stdout,
        }
    }

    /// What the server wrote on stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// GETs `path` (with its query string), with extra request headers.
    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut request = agent.get(format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut response = request.call().unwrap_or_else(|e| panic!("GET {path}: {e}"));
        let headers = response
            .headers()
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or_default().to_string()))
            .collect();
        Answer {
            status: response.status().as_u16(),
            headers,
            body: response
                .body_mut()
                .read_to_string()
                .unwrap_or_else(|e| panic!("GET {path}: {e}")),
        }
    }

    pub fn get(&self, path: &str) -> Answer {
        self.get_with(path, &[])
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `path?name=value&...`, form-encoded.
pub fn url(path: &str, pairs: &[(&str, &str)]) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        query.append_pair(name, value);
    }
    format!("{path}?{}", query.finish())
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e:?}"));
    html.select(&selector).collect()
}

fn text(element: &scraper::ElementRef) -> String {
    element.text().collect::<String>()
}

/// What `newsdex ARGS... --index INDEX` prints.
fn cli(fixture: &Fixture, args: &[&str]) -> String {
    let output = fixture.cmd(args).output().expect("newsdex runs");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn the_api_answers_what_the_command_line_prints() {
    let fixture = Fixture::corpus();
    let server = Server::start(&fixture.index(), &[]);
    let same = |path: String, args: &[&str]| {
        let answer = server.get(&path);
        assert_eq!(answer.status, 200, "{path}: {}", answer.body);
        assert_eq!(answer.body, cli(&fixture, args), "{path}");
    };
    same(
        url("/api/search", &[("q", "sanctions AND veto")]),
        &["search", "sanctions AND veto", "--json"],
    );
    same(
        url(
            "/api/search",
            &[
                ("q", "sanctions"),
                ("country", "Russia"),
                ("not_country", "UA"),
                ("sort", "-date"),
                ("limit", "3"),
            ],
        ),
        &[
            "search",
            "sanctions",
            "--country",
            "Russia",
            "--not-country",
            "UA",
            "--sort",
            "-date",
            "--limit",
            "3",
            "--json",
        ],
    );
    same(
        url(
            "/api/quotes",
            &[("q", "sanctions"), ("speaker", "Zhang Jun")],
        ),
        &["quotes", "sanctions", "--speaker", "Zhang Jun", "--json"],
    );
    same(
        url("/api/facets/speaker", &[("q", "sanctions"), ("limit", "3")]),
        &[
            "facets",
            "speaker",
            "--query",
            "sanctions",
            "--limit",
            "3",
            "--json",
        ],
    );
    same(
        url("/api/facets/region", &[("since", "2023")]),
        &["facets", "region", "--since", "2023", "--json"],
    );
    same(
        url("/api/timeline", &[("q", "sanctions"), ("by", "year")]),
        &["timeline", "sanctions", "--by", "year", "--json"],
    );
    same(
        url(
            "/api/cooccur/speaker",
            &[("with", "country"), ("speaker", "Zhang Jun")],
        ),
        &[
            "cooccur",
            "speaker",
            "--with",
            "country",
            "--speaker",
            "Zhang Jun",
            "--json",
        ],
    );
    same(
        url(
            "/api/show",
            &[("path", "asia/2023-04-18_seoul-missile-launch.txt")],
        ),
        &["show", "asia/2023-04-18_seoul-missile-launch.txt", "--json"],
    );
    same("/api/stats".to_string(), &["stats", "--json"]);
    // Downloads are the files --format writes.
    let csv = server.get(&url(
        "/api/search",
        &[("q", "sanctions"), ("format", "csv")],
    ));
    assert_eq!(
        csv.body,
        cli(&fixture, &["search", "sanctions", "--format", "csv"])
    );
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert_eq!(
        csv.header("content-disposition"),
        Some("attachment; filename=\"newsdex-search.csv\"")
    );
    let ndjson = server.get(&url(
        "/api/quotes",
        &[("speaker", "Han Seung-woo"), ("format", "ndjson")],
    ));
    assert_eq!(
        ndjson.body,
        cli(
            &fixture,
            &["quotes", "--speaker", "Han Seung-woo", "--format", "ndjson"]
        )
    );
}

#[test]
fn api_filters_and_facet_counts() {
    let fixture = Fixture::corpus();
    let server = Server::start(&fixture.index(), &[]);
    let paths = |json: &Value| -> Vec<String> {
        json["hits"]
            .as_array()
            .map(|hits| {
                hits.iter()
                    .map(|h| {
                        format!(
                            "{}#{}",
                            h["path"].as_str().unwrap_or_default(),
                            h["article"]
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    // Repeating a filter means any of its values.
    let two = server
        .get(&url(
            "/api/search",
            &[
                ("q", "sanctions"),
                ("speaker", "Zhang Jun"),
                ("speaker", "Han Seung-woo"),
            ],
        ))
        .json();
    assert_eq!(two["total_hits"], 2);
    let mut found = paths(&two);
    found.sort();
    assert_eq!(
        found,
        [
            "000_f539c37ecbe7f26d.txt#0",
            "asia/2023-04-18_seoul-missile-launch.txt#0"
        ]
    );
    // Exclusions and filters across facets all apply.
    let all = server
        .get(&url("/api/search", &[("q", "sanctions")]))
        .json();
    assert_eq!(all["total_hits"], 6);
    let without = server
        .get(&url(
            "/api/search",
            &[("q", "sanctions"), ("not_speaker", "Zhang Jun")],
        ))
        .json();
    assert_eq!(without["total_hits"], 5);
    assert!(!paths(&without).contains(&"000_f539c37ecbe7f26d.txt#0".to_string()));
    assert!(paths(&without).contains(&"000_f539c37ecbe7f26d.txt#1".to_string()));
    // Facet counts for the query.
    let countries = server
        .get(&url(
            "/api/facets/country",
            &[("q", "sanctions"), ("limit", "2")],
        ))
        .json();
    assert_eq!(countries["total_articles"], 6);
    assert_eq!(countries["values"][0]["value"], "Russia");
    assert_eq!(countries["values"][0]["code"], "RU");
    assert_eq!(countries["values"][0]["articles"], 6);
    let speakers = server
        .get(&url(
            "/api/facets/speaker",
            &[("q", "sanctions"), ("match", "zhang")],
        ))
        .json();
    assert_eq!(speakers["values"][0]["value"], "Zhang Jun");
    assert_eq!(speakers["values"][0]["quotes"], 5);
    assert_eq!(speakers["distinct_values"], 1);
}

#[test]
fn bad_requests_get_json_errors_and_the_server_keeps_serving() {
    let fixture = Fixture::corpus();
    let server = Server::start(&fixture.index(), &[]);
    let long_query = "veto ".repeat(1000);
    let cases: Vec<(String, u16, &str)> = vec![
        (
            url("/api/search", &[("q", "sanctions AND (veto")]),
            400,
            "invalid query",
        ),
        (
            url("/api/search", &[("q", "x"), ("limit", "ten")]),
            400,
            "limit must be a whole number",
        ),
        (
            url("/api/search", &[("q", "x"), ("since", "last week")]),
            400,
            "since: invalid date",
        ),
        (
            url("/api/search", &[("q", "x"), ("speakers", "Zhang Jun")]),
            400,
            "unknown parameter \"speakers\"",
        ),
        (
            url("/api/search", &[("q", "x"), ("sort", "best")]),
            400,
            "sort must be",
        ),
        (
            url("/api/search", &[("q", &long_query)]),
            413,
            "parameter q is 5000 bytes",
        ),
        (
            url("/api/search", &[("q", "x"), ("limit", "100000")]),
            413,
            "past the limit",
        ),
        (
            url(
                "/api/search",
                &[("q", "x"), ("offset", "9999"), ("limit", "10")],
            ),
            413,
            "narrow the search",
        ),
        (
            url("/api/show", &[("path", "nowhere/nothing.txt")]),
            404,
            "no file nowhere/nothing.txt in this archive",
        ),
        (
            url(
                "/api/show",
                &[
                    ("path", "asia/2023-04-18_seoul-missile-launch.txt"),
                    ("article", "7"),
                ],
            ),
            404,
            "has no story #7",
        ),
        (url("/api/show", &[]), 400, "path=PATH"),
        ("/api/facets/colour".to_string(), 404, "no facet \"colour\""),
        (
            "/api/cooccur/region".to_string(),
            404,
            "cooccur pairs speaker and country",
        ),
        ("/api/nothing/here".to_string(), 404, "no such API address"),
    ];
    for (path, status, message) in cases {
        let answer = server.get(&path);
        assert_eq!(answer.status, status, "{path}: {}", answer.body);
        assert_eq!(
            answer.header("content-type"),
            Some("application/json"),
            "{path}"
        );
        let error = answer.json()["error"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(error.contains(message), "{path}: {error}");
    }
    // A request that is not HTTP, and a write: refused, and the server goes on.
    let address = server.base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(address).expect("connect");
    stream.write_all(b"NOT HTTP AT ALL\r\n\r\n").expect("write");
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    assert!(reply.starts_with("HTTP/1.1 400"), "{reply}");
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let post = agent
        .post(format!("{}/api/search?q=x", server.base))
        .send("")
        .expect("POST answered");
    assert_eq!(post.status().as_u16(), 405);
    let stats = server.get("/api/stats");
    assert_eq!(stats.status, 200);
    assert_eq!(stats.json()["articles"], 34);
}

/// An archive with a hostile article: markup in its headline, its body and a quote.
fn hostile() -> Fixture {
    let fixture = Fixture::new();
    fixture.create(
        "evil/2023-05-01_markup.txt",
        "Minister says <script>alert(\"headline\")</script> is fine\n\n\
         LONDON (Dispatches) - The minister spoke about sanctions on Monday. \
         \"Nothing <img src=x onerror=alert(1)> to see here,\" said Mallory Quinn, the trade minister. \
         Critics wrote \"><img src=y onerror=alert(2)> on the wall.\n",
    );
    fixture.create(
        "plain/2023-05-02_trade.txt",
        "Trade talks resume\n\nGENEVA (Dispatches) - Trade talks on sanctions resumed on Tuesday, \
         and Mallory Quinn said \"we are hopeful\" about the outcome.\n",
    );
    fixture.index_archive();
    fixture
}

#[test]
fn pages_show_what_articles_hold_as_text() {
    let fixture = hostile();
    let server = Server::start(&fixture.index(), &[]);
    let search = server.get(&url("/", &[("q", "minister sanctions")]));
    assert_eq!(search.status, 200, "{}", search.body);
    let csp = search.header("content-security-policy").unwrap_or_default();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    for answer in [
        &search,
        &server.get(&url("/article", &[("path", "evil/2023-05-01_markup.txt")])),
        &server.get(&url("/speaker", &[("name", "Mallory Quinn")])),
    ] {
        let html = answer.html();
        assert_eq!(answer.status, 200, "{}", answer.body);
        let scripts: Vec<Option<&str>> = select(&html, "script")
            .iter()
            .map(|s| s.value().attr("src"))
            .collect();
        assert_eq!(
            scripts,
            [Some("/static/app.js")],
            "only the page's own script"
        );
        assert!(
            select(&html, "img").is_empty(),
            "no image from the article's text"
        );
        assert!(select(&html, "[onerror]").is_empty());
        assert!(
            select(&html, "b").is_empty(),
            "the query's markup stays text"
        );
    }
    // A query holding markup (not a valid query either) is shown as text.
    let marked_up = server.get(&url("/", &[("q", "minister <b>sanctions</b>")]));
    assert_eq!(marked_up.status, 400);
    let html = marked_up.html();
    assert!(select(&html, "b").is_empty());
    assert_eq!(
        select(&html, "#q")[0].value().attr("value"),
        Some("minister <b>sanctions</b>")
    );
    assert!(text(&select(&html, "p.error")[0]).contains("<b>sanctions</b>"));
    // The hostile text is there, as text.
    let html = search.html();
    let headline = text(&select(&html, ".hit h3 a")[0]);
    assert_eq!(
        headline,
        "Minister says <script>alert(\"headline\")</script> is fine"
    );
    let article = server
        .get(&url("/article", &[("path", "evil/2023-05-01_markup.txt")]))
        .html();
    let body = text(&select(&article, ".body")[0]);
    assert!(
        body.contains("Critics wrote \"><img src=y onerror=alert(2)> on the wall."),
        "{body}"
    );
    // The quote is marked and labelled with its speaker, who links to their page.
    let quote = &select(&article, "mark.quote.direct")[0];
    assert_eq!(
        text(quote),
        "Nothing <img src=x onerror=alert(1)> to see here,"
    );
    let who = &select(&article, "a.who")[0];
    assert_eq!(text(who), "Mallory Quinn");
    assert_eq!(
        who.value().attr("href"),
        Some("/speaker?name=Mallory+Quinn")
    );
}

#[test]
fn facet_links_add_filters_as_chips_that_remove_them() {
    let fixture = Fixture::corpus();
    let server = Server::start(&fixture.index(), &[]);
    let page = server.get("/?q=sanctions").html();
    assert_eq!(
        text(&select(&page, ".summary .total")[0]),
        "1–6 of 6 articles"
    );
    // The speaker facet lists quote counts and links that add the speaker as a filter.
    let zhang = select(&page, "#facet-speaker li")
        .into_iter()
        .find(|li| li.text().any(|t| t == "Zhang Jun"))
        .expect("Zhang Jun in the speaker facet");
    assert_eq!(text(&select_in(&zhang, ".count")[0]), "1 · 5");
    let add = select_in(&zhang, "a.value")[0]
        .value()
        .attr("href")
        .unwrap_or_default()
        .to_string();
    assert_eq!(add, "/?q=sanctions&speaker=Zhang+Jun");
    let exclude = select_in(&zhang, "a.exclude")[0]
        .value()
        .attr("href")
        .unwrap_or_default()
        .to_string();
    assert_eq!(exclude, "/?q=sanctions&not_speaker=Zhang+Jun");

    let narrowed = server.get(&add).html();
    assert_eq!(
        text(&select(&narrowed, ".summary .total")[0]),
        "1–1 of 1 article"
    );
    let chips = select(&narrowed, ".chips a.chip");
    assert_eq!(chips.len(), 1);
    assert_eq!(
        text(&chips[0]).split_whitespace().collect::<Vec<_>>(),
        ["Speaker:", "Zhang", "Jun", "×"]
    );
    assert_eq!(chips[0].value().attr("href"), Some("/?q=sanctions"));
    // A second country is OR within the facet: Japan or Ukraine.
    let either = server
        .get("/?q=sanctions&country=Japan&country=Ukraine")
        .html();
    assert_eq!(select(&either, "li.hit").len(), 4);
    // Chips name countries (not their codes); a search that filters everything out says so,
    // without an order to choose or empty facet boxes.
    let none = server
        .get("/?q=sanctions&speaker=Zhang+Jun&not_country=CN")
        .html();
    let chips: Vec<String> = select(&none, ".chips a.chip")
        .iter()
        .map(|chip| text(chip).split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(chips, ["Speaker: Zhang Jun ×", "Not country: China ×"]);
    assert_eq!(
        text(&select(&none, ".summary .total")[0]),
        "No article matches with these filters (× removes one)"
    );
    assert!(select(&none, ".sorts").is_empty());
    assert!(select(&none, "section.facet").is_empty());
    // The search form keeps the filters when a new query is typed.
    let hidden: Vec<(String, String)> = select(&narrowed, "form.search input[type=hidden]")
        .iter()
        .map(|i| {
            (
                i.value().attr("name").unwrap_or_default().to_string(),
                i.value().attr("value").unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(hidden, [("speaker".to_string(), "Zhang Jun".to_string())]);
    // Timeline bars narrow the dates; downloads ask the API for the same search.
    let bar = select(&page, "figure.timeline a")[0]
        .value()
        .attr("href")
        .unwrap_or_default()
        .to_string();
    assert!(
        bar.starts_with("/?q=sanctions&since=20") && bar.contains("&until=20"),
        "{bar}"
    );
    let csv = select(&page, ".downloads a")[0]
        .value()
        .attr("href")
        .unwrap_or_default()
        .to_string();
    assert_eq!(csv, "/api/search?q=sanctions&limit=1000&format=csv");
    // A bad query keeps the form, says what is wrong, and is a 400.
    let bad = server.get("/?q=sanctions+AND+%28veto");
    assert_eq!(bad.status, 400);
    let html = bad.html();
    assert!(text(&select(&html, "p.error")[0]).starts_with("invalid query"));
    assert_eq!(
        select(&html, "#q")[0].value().attr("value"),
        Some("sanctions AND (veto")
    );
}

fn select_in<'a>(element: &scraper::ElementRef<'a>, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e:?}"));
    element.select(&selector).collect()
}

#[test]
fn the_speaker_page_lists_what_they_said_newest_first() {
    let fixture = hostile();
    let server = Server::start(&fixture.index(), &[]);
    let page = server.get("/speaker?name=mallory+quinn").html();
    assert_eq!(text(&select(&page, "h1")[0]), "Mallory Quinn");
    let dates: Vec<String> = select(&page, "ol.said time").iter().map(text).collect();
    assert_eq!(dates, ["2023-05-02", "2023-05-01"]);
    let quotes: Vec<String> = select(&page, "ol.said blockquote mark")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        quotes,
        [
            "we are hopeful",
            "Nothing <img src=x onerror=alert(1)> to see here,"
        ]
    );
    let unknown = server.get("/speaker?name=Nobody+At+All");
    assert_eq!(unknown.status, 404);
    assert!(text(&select(&unknown.html(), "p.error")[0]).contains("no article quotes"));
}

#[test]
fn new_commits_appear_without_a_restart() {
    let fixture = Fixture::corpus();
    let server = Server::start(&fixture.index(), &[]);
    let zebra = url("/api/search", &[("q", "zebrafish")]);
    assert_eq!(server.get(&zebra).json()["total_hits"], 0);
    fixture.create(
        "new/2024-01-05_zebrafish.txt",
        "Zebrafish study wins prize\n\nOSLO (Dispatches) - A study of zebrafish won the prize.\n",
    );
    fixture.index_archive();
    let start = Instant::now();
    loop {
        if server.get(&zebra).json()["total_hits"] == 1 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the new article never appeared"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(server.get("/api/stats").json()["articles"], 35);
}

#[test]
fn cors_only_when_asked_for_and_a_warning_off_loopback() {
    let fixture = Fixture::corpus();
    let origin = "http://localhost:3000";
    let closed = Server::start(&fixture.index(), &[]);
    let answer = closed.get_with("/api/stats", &[("Origin", origin)]);
    assert_eq!(answer.header("access-control-allow-origin"), None);
    let open = Server::start(&fixture.index(), &["--cors", origin]);
    let answer = open.get_with("/api/stats", &[("Origin", origin)]);
    assert_eq!(answer.header("access-control-allow-origin"), Some(origin));
    assert!(open.stderr().is_empty(), "{}", open.stderr());
    // Any address but loopback is said to expose the archive.
    let wide = Server::start_at(&fixture.index(), "0.0.0.0:0", &[]);
    let start = Instant::now();
    // The whole line, not its first bytes: stderr is read while the server writes it.
    while !wide.stderr().contains("whole archive") && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        wide.stderr().contains("not on a loopback address: anyone who can reach this machine can read the whole archive"),
        "{}",
        wide.stderr()
    );
    assert!(wide.base.starts_with("http://127.0.0.1:"), "{}", wide.base);
}
