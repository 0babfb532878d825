//! Unit tests of country detection: loading and resolving the table, then tables of texts with the
//! countries that must and must not be found, by context rule.

use super::*;

fn codes(headline: &str, body: &str) -> Vec<(String, How)> {
    detect(headline, None, body)
        .into_iter()
        .map(|c| (c.code, c.how))
        .collect()
}

fn code_list(body: &str) -> Vec<String> {
    codes("", body).into_iter().map(|(c, _)| c).collect()
}

/// Table rows: (text, codes that must be found, codes that must not be).
fn check(table: &[(&str, &[&str], &[&str])]) {
    for (text, yes, no) in table {
        let got = code_list(text);
        for c in *yes {
            assert!(
                got.iter().any(|g| g == c),
                "{text:?}: expected {c}, got {got:?}"
            );
        }
        for c in *no {
            assert!(
                !got.iter().any(|g| g == c),
                "{text:?}: unexpected {c}, got {got:?}"
            );
        }
    }
}

#[test]
fn loads() {
    assert!(all().count() > 240);
    assert_eq!(by_code("us").unwrap().name, "United States");
    assert_eq!(by_code("XK").unwrap().name, "Kosovo");
    let cn = by_code("CN").unwrap();
    assert_eq!((cn.region, cn.subregion), ("Asia", "Eastern Asia"));
    for c in all() {
        assert!(!c.name.is_empty() && c.code.len() == 2, "{c:?}");
    }
}

#[test]
fn canonical_names() {
    for (code, name) in [
        ("US", "United States"),
        ("GB", "United Kingdom"),
        ("RU", "Russia"),
        ("KP", "North Korea"),
        ("KR", "South Korea"),
        ("IR", "Iran"),
        ("SY", "Syria"),
        ("VN", "Vietnam"),
        ("BO", "Bolivia"),
        ("TZ", "Tanzania"),
        ("VE", "Venezuela"),
        ("LA", "Laos"),
        ("MD", "Moldova"),
        ("TW", "Taiwan"),
        ("PS", "Palestine"),
        ("VA", "Vatican City"),
        ("CZ", "Czechia"),
        ("XK", "Kosovo"),
    ] {
        assert_eq!(by_code(code).unwrap().name, name);
    }
}

#[test]
fn resolves_user_values() {
    let one = |q: &str| match resolve(q) {
        Resolved::One(c) => c.code,
        other => panic!("{q}: {other:?}"),
    };
    assert_eq!(one("United States"), "US");
    assert_eq!(one("u.s."), "US");
    assert_eq!(one("usa"), "US");
    assert_eq!(one("America"), "US");
    assert_eq!(one("american"), "US");
    assert_eq!(one("britain"), "GB");
    assert_eq!(one("UK"), "GB");
    assert_eq!(one("british"), "GB");
    assert_eq!(one("Holland"), "NL");
    assert_eq!(one("the netherlands"), "NL");
    assert_eq!(one("cote d'ivoire"), "CI");
    assert_eq!(one("Côte d'Ivoire"), "CI");
    assert_eq!(one("fr"), "FR");
    assert_eq!(one("Chinese"), "CN");
    assert_eq!(one("North Korea"), "KP");
    assert_eq!(one("kosovo"), "XK");
    match resolve("korea") {
        Resolved::Ambiguous(v) => {
            let c: Vec<_> = v.iter().map(|c| c.code).collect();
            assert_eq!(c, ["KP", "KR"]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(resolve("Atlantis"), Resolved::Unknown);
    assert_eq!(resolve(""), Resolved::Unknown);
}

#[test]
fn explicit_and_place() {
    let got = codes(
        "",
        "Chinese officials met their counterparts in Lyon. The Kremlin said nothing.",
    );
    assert_eq!(
        got,
        [
            ("CN".to_string(), How::Explicit),
            ("FR".to_string(), How::Place),
            ("RU".to_string(), How::Explicit)
        ]
    );
    // explicit anywhere wins over place, order is first mention
    let got = codes(
        "",
        "Flights to Lyon resumed.\nFrance said the strike was over.",
    );
    assert_eq!(got, [("FR".to_string(), How::Explicit)]);
    // dateline city is a place
    let got = detect(
        "",
        Some("BRUSSELS 1996-08-22"),
        "BRUSSELS 1996-08-22\nPrices rose.",
    );
    assert_eq!(got[0].code, "BE");
    assert_eq!(got[0].how, How::Place);
    // capital standing for the government
    check(&[
        ("Washington said it would respond.", &["US"], &[]),
        ("Beijing warned against the move.", &["CN"], &[]),
        (
            "Talks with Moscow stalled over Pyongyang's appeals.",
            &["RU", "KP"],
            &[],
        ),
        (
            "Downing Street and the White House agreed.",
            &["GB", "US"],
            &[],
        ),
        ("The Bundestag voted.", &["DE"], &[]),
        ("The U.S. and the UK sent troops.", &["US", "GB"], &[]),
        ("A French company bought British lamb.", &["FR", "GB"], &[]),
        ("Holland beat Brazil.", &["NL", "BR"], &[]),
    ]);
    let got = codes("", "He flew to Moscow.");
    assert_eq!(got, [("RU".to_string(), How::Place)]);
    let got = codes("", "The Brussels, Paris and Amsterdam exchanges merged.");
    assert!(got.iter().all(|(_, h)| *h == How::Place), "{got:?}");
    let got = codes(
        "",
        "Ties between Moscow and Pyongyang's envoy. Istanbul urges Ankara to act.",
    );
    assert!(got.iter().all(|(_, h)| *h == How::Explicit), "{got:?}");
    assert_eq!(got.len(), 3);
}

#[test]
fn not_countries() {
    check(&[
        ("The Soviet Union and the USSR collapsed.", &[], &["RU"]),
        ("Europe and the EU, the Middle East and the West.", &[], &[]),
        ("Tension on the Korean peninsula rose.", &[], &["KP", "KR"]),
        ("The United Nations met.", &[], &["US"]),
        (
            "Ships crossed the Indian Ocean and the Persian Gulf.",
            &[],
            &["IN", "IR"],
        ),
        ("Patrols in the South China Sea.", &[], &["CN"]),
        ("She served French fries on fine china.", &[], &["FR", "CN"]),
        ("He wore a Panama hat.", &[], &["PA"]),
        ("Let us go.", &[], &["US"]),
        ("Options were American-style.", &[], &["US"]),
    ]);
    assert!(code_list("Europe and the EU, the Middle East and the West.").is_empty());
}

#[test]
fn uk_constituent_countries() {
    let got = codes("", "Rain fell across Scotland and Wales.");
    assert_eq!(got, [("GB".to_string(), How::Place)]);
    let got = codes("", "English cricket fans cheered.");
    assert_eq!(got, [("GB".to_string(), How::Place)]);
    let got = codes("", "Rain fell across Scotland. Britain's economy slowed.");
    assert_eq!(got, [("GB".to_string(), How::Explicit)]);
}

#[test]
fn georgia() {
    check(&[
        (
            "Georgia's president met officials in Tbilisi.",
            &["GE"],
            &["US"],
        ),
        (
            "Georgian troops withdrew from South Ossetia.",
            &["GE"],
            &["US"],
        ),
        ("Russia and Georgia fought a war.", &["GE", "RU"], &["US"]),
        (
            "He won the Republican primary in Georgia after rallies in Atlanta.",
            &["US"],
            &["GE"],
        ),
        (
            "She moved from Atlanta, Georgia to Texas.",
            &["US"],
            &["GE"],
        ),
    ]);
}

#[test]
fn jordan() {
    check(&[
        (
            "King Abdullah of Jordan met Iraqi officials.",
            &["JO", "IQ"],
            &[],
        ),
        ("Refugees crossed into Jordan.", &["JO"], &[]),
        ("Michael Jordan scored 40 points.", &[], &["JO"]),
        (
            "Michael Jordan retired. Jordan said he was tired.",
            &[],
            &["JO"],
        ),
        ("Jordan Henderson captained the side.", &[], &["JO"]),
        (
            "Critic Philip French and Dawn French laughed.",
            &[],
            &["FR"],
        ),
        (
            "French Foreign Minister Michel Barnier spoke.",
            &["FR"],
            &[],
        ),
        (
            "Tom Holland and Jimmy Wales spoke; Cuba Gooding Jr. laughed.",
            &[],
            &["NL", "GB", "CU"],
        ),
        (
            "Holland and Wales drew; Cuba voted.",
            &["NL", "GB", "CU"],
            &[],
        ),
        (
            "The Wales Office and the Ireland Rugby Football Union.",
            &["GB", "IE"],
            &[],
        ),
    ]);
}

#[test]
fn turkey_chad_niger_guinea() {
    check(&[
        ("Turkey closed its border.", &["TR"], &[]),
        ("Families ate roast turkey at Thanksgiving.", &[], &["TR"]),
        ("Chad and Sudan signed a deal.", &["TD", "SD"], &[]),
        ("Chad Smith played drums.", &[], &["TD"]),
        ("Niger held elections.", &["NE"], &["NG"]),
        ("Nigeria held elections.", &["NG"], &["NE"]),
        ("Oil spills in the Niger Delta.", &["NG"], &["NE"]),
        (
            "Guinea-Bissau and Equatorial Guinea.",
            &["GW", "GQ"],
            &["GN"],
        ),
        ("Papua New Guinea voted.", &["PG"], &["GN"]),
        ("Guinea's junta spoke.", &["GN"], &[]),
        ("The children kept a guinea pig.", &[], &["GN"]),
    ]);
}

#[test]
fn congo_and_dominica() {
    check(&[
        (
            "Fighting in the Democratic Republic of Congo.",
            &["CD"],
            &["CG"],
        ),
        ("DR Congo's army advanced.", &["CD"], &["CG"]),
        ("Officials in Kinshasa said.", &["CD"], &["CG"]),
        ("The Republic of Congo held a vote.", &["CG"], &["CD"]),
        ("Congo-Brazzaville's president spoke.", &["CG"], &["CD"]),
        ("Rebels in Congo advanced.", &["CD"], &["CG"]),
        ("In Brazzaville, Congo's president spoke.", &["CG"], &["CD"]),
        ("Dominica was hit by a hurricane.", &["DM"], &["DO"]),
        ("The Dominican Republic was spared.", &["DO"], &["DM"]),
    ]);
}

#[test]
fn shared_and_nested_names() {
    check(&[
        ("Voters in New Mexico.", &["US"], &["MX"]),
        ("Mexico City was quiet.", &["MX"], &[]),
        ("A storm in New Jersey.", &["US"], &["JE"]),
        ("Tax rules in Jersey and Guernsey.", &["JE", "GG"], &["US"]),
        ("He grew up in Paris, Texas.", &["US"], &["FR"]),
        ("Typhoon hits Madrid, Philippines.", &["PH"], &["ES"]),
        (
            "After talks in Madrid, Britain said no.",
            &["ES", "GB"],
            &[],
        ),
        (
            "Flights from Moscow, Kiev and Minsk.",
            &["RU", "UA", "BY"],
            &[],
        ),
        ("A march in Birmingham, Alabama.", &["US"], &["GB"]),
        ("Paris Hilton arrived.", &[], &["FR"]),
        ("Denzel Washington starred.", &[], &["US"]),
        ("George Washington crossed the river.", &[], &["US"]),
        ("Rain in Seattle, Washington.", &["US"], &[]),
        ("Dispatches from Hong Kong.", &["CN"], &["HK"]),
        ("Newcastle won at home.", &[], &["AU", "ZA", "GB"]),
        (
            "VANCOUVER, March 17 - A firm filed with the U.S. SEC.",
            &["CA", "US"],
            &[],
        ),
        (
            "GENEVA, March 3 - The Geneva Motor Show opens.",
            &["CH"],
            &[],
        ),
        ("John Bolton spoke. Bolton said no.", &[], &["GB"]),
        ("Rep. Charles Rangel spoke. Rangel said no.", &[], &["AO"]),
        ("John Bolton spoke of flights from Bolton.", &["GB"], &[]),
        (
            "Newcastle won at home, the best result in England this week.",
            &["GB"],
            &["AU"],
        ),
    ]);
}

#[test]
fn korean_needs_context() {
    check(&[
        ("Korean shoppers were out.", &[], &["KP", "KR"]),
        (
            "North Korean and South Korean envoys met.",
            &["KP", "KR"],
            &[],
        ),
        ("Seoul said Korean exports rose.", &["KR"], &["KP"]),
    ]);
}

#[test]
fn letter_case_and_capitals_lines() {
    check(&[
        ("CHINA SAYS TAIWAN TALKS STALLED", &["CN", "TW"], &[]),
        ("SOCCER - JORDAN BEAT IRAQ", &["JO", "IQ"], &[]),
        ("Trading in china and turkey.", &[], &["CN", "TR"]),
        ("A PR firm in NICE.", &[], &["FR"]),
    ]);
    let got = detect(
        "MARKETS RALLY",
        Some("LONDON, April 9 -"),
        "LONDON, April 9 - Shares rose.",
    );
    assert_eq!(got[0].code, "GB");
}

#[test]
fn never_panics_on_odd_text() {
    for t in [
        "",
        "\n\n",
        "é",
        "Zürich – São Paulo — Bogotá’s",
        "日本 中国 Россия",
        "U.S.",
        "(U.S.)",
        "Côte d’Ivoire",
        "🇺🇸 America🇺🇸",
    ] {
        let _ = detect(t, Some(t), t);
    }
    assert_eq!(code_list("Zürich and Bogotá"), ["CH", "CO"]);
    assert_eq!(code_list("“China” —Russia «Iran»"), ["CN", "RU", "IR"]);
}

/// Throughput over a folder of text files (`NEWSDEX_CORPORA`, default `../shared/corpora`):
/// `cargo test --release --lib countries::tests::throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let root = std::env::var("NEWSDEX_CORPORA").unwrap_or("../shared/corpora".into());
    let mut texts = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(root)];
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            stack.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        } else if p.extension().is_some_and(|e| e == "txt") {
            texts.push(String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned());
        }
    }
    let _ = detect("", None, "");
    let bytes: usize = texts.iter().map(String::len).sum();
    let t = std::time::Instant::now();
    let found: usize = texts.iter().map(|t| detect("", None, t).len()).sum();
    let secs = t.elapsed().as_secs_f64();
    eprintln!(
        "{} files, {:.1} MB, {found} countries, {:.3} s, {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs
    );
}
