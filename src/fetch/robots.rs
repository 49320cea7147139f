//! robots.txt: the group for our User-Agent (else `*`), `Allow`/`Disallow` path prefixes with
//! `*` and `$`, the longest match deciding (Allow on a tie), as RFC 9309 has it.

/// One `User-agent` group: (agents, (allow, pattern) rules).
type Group = (Vec<String>, Vec<(bool, String)>);

/// The rules of one host for our User-Agent. The default allows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Robots {
    /// (allow, pattern)
    rules: Vec<(bool, String)>,
}

impl Robots {
    /// Parse a robots.txt for `user_agent` (matched by its product token, e.g. "storyline").
    pub fn parse(text: &str, user_agent: &str) -> Robots {
        let token = user_agent
            .split(['/', ' '])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        // Groups: (agents, rules). Consecutive user-agent lines share one group.
        let mut groups: Vec<Group> = Vec::new();
        let mut in_agents = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let (key, value) = (key.trim().to_ascii_lowercase(), value.trim());
            match key.as_str() {
                "user-agent" => {
                    if !in_agents {
                        groups.push((Vec::new(), Vec::new()));
                    }
                    in_agents = true;
                    if let Some(g) = groups.last_mut() {
                        g.0.push(value.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut() {
                        // An empty Disallow allows everything: no rule.
                        if !value.is_empty() {
                            g.1.push((key == "allow", value.to_string()));
                        }
                    }
                }
                _ => in_agents = false,
            }
        }
        let ours: Vec<(bool, String)> = groups
            .iter()
            .filter(|(agents, _)| agents.iter().any(|a| !token.is_empty() && *a == token))
            .flat_map(|(_, r)| r.iter().cloned())
            .collect();
        let rules = if ours.is_empty() && !groups.iter().any(|(agents, _)| agents.contains(&token))
        {
            groups
                .iter()
                .filter(|(agents, _)| agents.iter().any(|a| a == "*"))
                .flat_map(|(_, r)| r.iter().cloned())
                .collect()
        } else {
            ours
        };
        Robots { rules }
    }

    /// Whether `path` (with its query) may be fetched.
    pub fn allows(&self, path: &str) -> bool {
        let mut best: Option<(usize, bool)> = None;
        for (allow, pattern) in &self.rules {
            if matches(pattern, path) {
                let len = pattern.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, *allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// A robots.txt path pattern: a prefix, where `*` matches any run and a final `$` anchors.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut pos = 0;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            if !path.starts_with(part) {
                return false;
            }
            pos = part.len();
        } else if i == parts.len() - 1 && anchored {
            return path.len() >= pos + part.len() && path.ends_with(part);
        } else {
            match path[pos..].find(part) {
                Some(off) => pos += off + part.len(),
                None => return false,
            }
        }
    }
    !anchored || pos == path.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const UA: &str = "storyline/0.1.0 (news analysis)";

    fn check(robots: &str, path: &str, allowed: bool) {
        assert_eq!(
            Robots::parse(robots, UA).allows(path),
            allowed,
            "{path} in {robots:?}"
        );
    }

    #[test]
    fn rules_for_everyone() {
        let r = "User-agent: *\nDisallow: /private/\nAllow: /private/ok\n";
        check(r, "/news/1", true);
        check(r, "/private/x", false);
        check(r, "/private/ok.html", true);
        check("", "/anything", true);
        check("User-agent: *\nDisallow:\n", "/anything", true);
        check("User-agent: *\nDisallow: /\n", "/anything", false);
    }

    #[test]
    fn our_group_wins_over_the_star_group() {
        let r = "User-agent: *\nDisallow: /\n\nUser-agent: Storyline\nDisallow: /drafts\n";
        check(r, "/news", true);
        check(r, "/drafts/1", false);
        let other = "User-agent: googlebot\nDisallow: /\n";
        check(other, "/news", true);
    }

    #[test]
    fn wildcards_and_anchors() {
        let r = "User-agent: *\nDisallow: /*.pdf$\nDisallow: /search*q=\n";
        check(r, "/a/b.pdf", false);
        check(r, "/a/b.pdf?x", true);
        check(r, "/search?q=aleppo", false);
        check(r, "/searching", true);
    }
}
