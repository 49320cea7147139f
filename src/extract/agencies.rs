//! News agencies by name (`src/data/agencies.tsv`): the page metadata reads bylines and
//! copyright lines with them, and the context stage knows a wire that only relays a source.

use once_cell::sync::Lazy;

/// (canonical, aliases), parsed once.
pub static AGENCIES: Lazy<Vec<(&'static str, Vec<&'static str>)>> = Lazy::new(|| {
    crate::data::AGENCIES
        .rows()
        .into_iter()
        .map(|row| (row.col(0), row.col(1).split('|').collect()))
        .collect()
});

/// The canonical agency for a name written exactly as an alias: "Associated Press" -> "AP".
pub fn agency(name: &str) -> Option<&'static str> {
    let name = name.trim().trim_end_matches('.');
    AGENCIES
        .iter()
        .find(|(_, aliases)| aliases.iter().any(|a| a.eq_ignore_ascii_case(name)))
        .map(|(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::agency;

    #[test]
    fn names_written_as_an_alias_are_agencies() {
        let cases = [
            ("Associated Press", Some("AP")),
            ("the Associated Press", Some("AP")),
            ("Reuters.", Some("Reuters")),
            ("agence france-presse", Some("AFP")),
            ("Reuters reporters", None),
            ("the agency", None),
        ];
        for (name, want) in cases {
            assert_eq!(agency(name), want, "{name}");
        }
    }
}
