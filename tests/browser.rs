//! The search page in a real browser: Chromium driven through WebDriver (Debian's `chromium`
//! and `chromium-driver`; `.ci/run` installs them). A person's first minute: type a query,
//! click a speaker in the facets, see the hits narrow and the chip appear, open an article.
//! Each step leaves a screenshot under `target/browser/` for a person to look at.
//!
//! Skipped with a message when Chromium or its driver is missing, unless
//! `NEWSDEX_REQUIRE_BROWSER` is set (CI sets it, after installing them).

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

use crate::serve::Server;
use crate::util::Fixture;

/// Chromium's flags for a closed network and a machine without a display.
const CHROMIUM_ARGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,1000",
];

/// The browser and its driver, if installed.
fn browser() -> Option<(PathBuf, PathBuf)> {
    let find = |names: &[&str]| {
        names.iter().find_map(|name| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|dir| dir.join(name))
                    .find(|path| path.is_file())
            })
        })
    };
    let found = find(&["chromium", "chromium-browser"]).zip(find(&["chromedriver"]));
    if found.is_none() {
        assert!(
            std::env::var_os("NEWSDEX_REQUIRE_BROWSER").is_none(),
            "NEWSDEX_REQUIRE_BROWSER is set but chromium or chromedriver is missing"
        );
        eprintln!("skipped: chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    }
    found
}

/// A running chromedriver, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start(program: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(program)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "chromedriver does not listen"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where the screenshots go.
fn shots() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser");
    std::fs::create_dir_all(&dir).expect("target/browser");
    dir
}

async fn screenshot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("a screenshot");
    let path = shots().join(name);
    std::fs::write(&path, png).expect("the screenshot is written");
    eprintln!("screenshot: {}", path.display());
}

/// Waits (at most 10 s) for an element.
async fn wait_for(client: &Client, css: &str) -> Element {
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
}

/// Clicks a link and waits for the page it leads to.
async fn follow(client: &Client, link: &Element) {
    let before = client.current_url().await.expect("a URL");
    link.click().await.expect("click");
    let start = Instant::now();
    while client.current_url().await.expect("a URL") == before {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the click led nowhere"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    wait_for(client, "footer.bottom").await;
}

async fn texts(client: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in client.find_all(Locator::Css(css)).await.expect("find") {
        out.push(element.text().await.expect("text"));
    }
    out
}

#[test]
fn a_person_searches_filters_by_a_speaker_and_opens_an_article() {
    let Some((chromium, chromedriver)) = browser() else {
        return;
    };
    let fixture = Fixture::corpus();
    let server = Server::start(&fixture.index(), &[]);
    let driver = Driver::start(&chromedriver);
    let profile = tempfile::tempdir().expect("a profile folder");
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async {
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let mut capabilities = fantoccini::wd::Capabilities::new();
        capabilities.insert(
            "goog:chromeOptions".to_string(),
            serde_json::json!({ "binary": chromium, "args": args }),
        );
        let client = ClientBuilder::new(
            hyper_util::client::legacy::connect::HttpConnector::new(),
        )
        .capabilities(capabilities)
        .connect(&driver.url)
        .await
        .expect("a WebDriver session");

        // 1. The search page; "/" focuses the box (the page's script runs under its CSP).
        client.goto(&format!("{}/", server.base)).await.expect("the search page");
        wait_for(&client, "#q").await;
        client
            .perform_actions(
                KeyActions::new("keyboard".to_string())
                    .then(KeyAction::Down { value: '/' })
                    .then(KeyAction::Up { value: '/' }),
            )
            .await
            .expect("a key press");
        let focused = client
            .execute("return document.activeElement.id", Vec::new())
            .await
            .expect("a script");
        assert_eq!(focused, "q", "the / key focuses the search box");
        let box_ = client.find(Locator::Id("q")).await.expect("the box");
        box_.send_keys("sanctions").await.expect("typing");
        let submit = client
            .find(Locator::Css("form.search button[type=submit]"))
            .await
            .expect("the button");
        follow(&client, &submit).await;
        assert_eq!(texts(&client, ".summary .total").await, ["1–6 of 6 articles"]);
        assert_eq!(texts(&client, "li.hit").await.len(), 6);
        screenshot(&client, "1-search.png").await;

        // 2. A speaker from the facets: the hits narrow to theirs and a chip says so.
        let zhang = client
            .find(Locator::XPath(
                "//section[@id='facet-speaker']//a[@class='value' and normalize-space()='Zhang Jun']",
            ))
            .await
            .expect("Zhang Jun in the speaker facet");
        follow(&client, &zhang).await;
        assert_eq!(texts(&client, ".summary .total").await, ["1–1 of 1 article"]);
        let chips = texts(&client, ".chips a.chip").await;
        assert_eq!(chips.len(), 1);
        assert!(chips[0].contains("Speaker:") && chips[0].contains("Zhang Jun"), "{chips:?}");
        let headlines = texts(&client, "li.hit h3").await;
        assert_eq!(headlines, ["China, Russia Veto U.S. Push for More UN Sanctions on North Korea"]);
        screenshot(&client, "2-speaker-filter.png").await;

        // 3. The article: its quotes marked and labelled with their speakers.
        let open = client.find(Locator::Css("li.hit h3 a")).await.expect("a hit");
        follow(&client, &open).await;
        assert_eq!(texts(&client, "article h1").await, headlines);
        let labels = texts(&client, "a.who").await;
        assert!(labels.iter().any(|l| l.eq_ignore_ascii_case("Zhang Jun")), "{labels:?}");
        assert!(texts(&client, "mark.quote").await.len() >= 5);
        screenshot(&client, "3-article.png").await;

        // 4. The speaker's page, from the label.
        let page = client
            .find(Locator::Css(".about ul li a"))
            .await
            .expect("a speaker link");
        follow(&client, &page).await;
        assert!(!texts(&client, "ol.said blockquote").await.is_empty());
        screenshot(&client, "4-speaker.png").await;
        client.close().await.expect("the session closes");
    });
}
