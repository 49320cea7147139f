//! Speakers and coreference: the entities seen so far in an article, and how a speaker phrase,
//! a pronoun ("he added"), a surname ("Shoigu said") or a role noun ("the minister said")
//! resolves to one of them.

use super::lexicon::{
    in_list, role_of, Gender, Role, CAP_STOP, CHANNEL_NOUNS, DETERMINERS, GOV_OFFICES,
    NAME_LIKE_SKIPS, PRONOUNS, ROLES, TITLE_ABBREVS,
};
use super::phrase::{canonical_name, role_preposition};
use super::quotes::Quote;
use super::tokens::{is_cap, word, Tok, TokKind};
use crate::extract::actors::{self, Gazetteer, Resolved};
use crate::model::{ActorKind, ActorMention, Span};

/// Cue verbs an "it" speaks with inside a relative clause ([`Ctx::note_relative_subject`]).
const RELATIVE_CUES: [&str; 6] = ["says", "said", "claims", "claimed", "believes", "alleges"];

/// Denial verbs an "it" speaks with inside a relative clause when the sentence's subject is
/// the accused of a passive ("Iran was blamed for the attacks, which it denies"); in the
/// active ("Washington blames Iran …, which it denies") the subject is the accuser.
const RELATIVE_DENIALS: [&str; 4] = ["denies", "denied", "disputes", "disputed"];

/// A passive accusation: the subject is the accused.
pub(super) static PASSIVE_ACCUSATION: once_cell::sync::Lazy<regex::Regex> =
    once_cell::sync::Lazy::new(|| {
        regex::Regex::new(
            r"(?i)\b(?:was|were|is|are|been|being)\s+(?:\w+\s+)?(?:blamed|accused|suspected)\b",
        )
        .expect("valid passive accusation pattern")
    });

#[derive(Debug, Clone)]
pub(super) struct Entity {
    /// Canonical name: "Sergei Shoigu", "a U.S. official".
    pub(super) name: String,
    /// The full phrase with titles and appositives, lowercased, for role matching.
    pub(super) full_lower: String,
    pub(super) gender: Gender,
    pub(super) plural: bool,
    pub(super) org: bool,
    pub(super) named: bool,
    /// A person (a name, a person role or a person actor): only persons are "he" or "she".
    pub(super) person: bool,
    pub(super) actor: Option<Resolved>,
    pub(super) pos: usize,
    /// Where it was last the speaker of a cue (its `pos` then), for pronoun preference.
    pub(super) spoke: Option<usize>,
}

pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    /// Quotations of the article: a person named only inside one is no antecedent for the
    /// pronoun that attributes a quotation ("'... Putin's decision ...,' he said").
    pub(super) quotes: &'a [Quote],
    /// Sentences of the article, for the subject preference of pronouns.
    pub(super) sentences: &'a [Span],
    pub(super) gazetteer: &'a Gazetteer,
    /// The article's reference date: dated roles in the gazetteer apply only around it.
    pub(super) date: Option<chrono::NaiveDate>,
    pub(super) actors: &'a [ActorMention],
    pub(super) entities: Vec<Entity>,
}

/// A resolved speaker.
#[derive(Debug, Clone)]
pub(super) struct Speaker {
    pub(super) span: Option<Span>,
    pub(super) name: String,
    pub(super) actor: Option<Resolved>,
    /// 0.9 named, 0.75 coreferent, lower for weak guesses.
    pub(super) confidence: f32,
}

pub(super) fn gender_of_phrase(lower: &str) -> Gender {
    for w in lower.split(|c: char| !c.is_alphanumeric() && c != '.') {
        if let Some(r) = ROLES.get(w) {
            if r.gender != Gender::Unknown {
                return r.gender;
            }
        }
    }
    Gender::Unknown
}

impl<'a> Ctx<'a> {
    pub(super) fn resolve_actor(&self, phrase: &str, span: Span) -> Option<Resolved> {
        if let Some(r) = actors::resolve_speaker_on(phrase, self.gazetteer, self.date) {
            return Some(r);
        }
        self.actors
            .iter()
            .find(|a| a.span.overlaps(span))
            .map(|a| Resolved {
                name: a.name.clone(),
                code: a.code.clone(),
                country: a.country.clone(),
                kind: a.kind,
            })
    }

    /// A named person seen before whose name ends in `word` ("Shoigu" -> "Sergei Shoigu"), or,
    /// for a one-word mention (`alone`), begins with it: a family name written first ("Zhao
    /// Lijian … Zhao said", "Wang Yi … Wang added"). `name` is the mention's own full name.
    fn seen_name(&self, word: &str, name: &str, alone: bool) -> Option<&Entity> {
        let seen = |e: &&Entity| e.named && e.name != name;
        let family_first = |e: &&Entity| {
            alone
                && e.name.split_whitespace().count() <= 3
                && e.name.starts_with(&format!("{word} "))
        };
        self.entities
            .iter()
            .rev()
            .find(|e| seen(e) && e.name.ends_with(&format!(" {word}")))
            .or_else(|| {
                self.entities
                    .iter()
                    .rev()
                    .find(|e| seen(e) && family_first(e))
            })
    }

    /// The full name written before that a short speaker phrase refers to: a surname alone
    /// ("Shoigu" -> "Sergei Shoigu"), after an honorific, a title or a possessive ("Mr Shoigu",
    /// "Russia's Lavrov"), or a two-word family name ("de Mistura", "Abdel Rahman" after
    /// "Staffan de Mistura", "Rami Abdel Rahman"). Two other name words are a whole name
    /// ("North Korea" is not "South Korea" again), and a word the gazetteer knows as a place or
    /// body is its own ("Sudan" after "South Sudan").
    fn earlier_full_name(&self, head_words: &[&str], name: &str) -> Option<Entity> {
        let last = *head_words.last()?;
        if !is_cap(last) {
            return None;
        }
        let lead = |w: &str| {
            role_of(w).is_some()
                || in_list(&TITLE_ABBREVS, w.trim_end_matches('.'))
                || w.ends_with("'s")
                || w.ends_with("\u{2019}s")
        };
        match head_words {
            [one] => {
                let body = actors::resolve_speaker_on(one, self.gazetteer, self.date)
                    .is_some_and(|r| r.kind != ActorKind::Person);
                (!body)
                    .then(|| self.seen_name(last, name, true))
                    .flatten()
                    .cloned()
            }
            [first, _] if lead(first) => self.seen_name(last, name, false).cloned(),
            [first, _] => {
                let tail = format!(" {} {}", first.to_lowercase(), last.to_lowercase());
                self.entities
                    .iter()
                    .rev()
                    .find(|e| e.named && e.name != name && e.name.to_lowercase().ends_with(&tail))
                    .cloned()
            }
            _ => None,
        }
    }

    /// Build a speaker from the phrase tokens `toks` (the whole phrase with appositives).
    pub(super) fn speaker_from_phrase(&mut self, toks: &[Tok], head_toks: &[Tok]) -> Speaker {
        let text = self.text;
        let span = Span::new(toks[0].s, toks[toks.len() - 1].e);
        let phrase = &text[span.start..span.end];
        let head_words: Vec<&str> = head_toks.iter().map(|t| word(text, t)).collect();
        let first = head_words.first().copied().unwrap_or("");
        let lfirst = first.to_lowercase();
        // Pronouns; an object pronoun ("quoted him as saying") as its subject form.
        let lfirst = match lfirst.as_str() {
            "him" if head_words.len() == 1 => "he".to_string(),
            "her" if head_words.len() == 1 => "she".to_string(),
            "them" if head_words.len() == 1 => "they".to_string(),
            _ => lfirst,
        };
        if head_words.len() == 1 && PRONOUNS.contains(&lfirst.as_str()) {
            return self.resolve_pronoun(&lfirst, span);
        }
        // Definite role noun: "the minister", "the official", "the ministry".
        if lfirst == "the" && head_words.len() <= 3 {
            if let Some(sp) = self.definite_role(&head_words, phrase, span) {
                return sp;
            }
        }
        let (name, named) = canonical_name(text, head_toks);
        if let Some(e) = self.earlier_full_name(&head_words, &name) {
            self.touch(&e.name, span.start);
            return Speaker {
                span: Some(span),
                name: e.name.clone(),
                actor: e.actor.clone(),
                confidence: 0.85,
            };
        }
        let actor = self
            .own_country(toks)
            .or_else(|| self.body_after_role(toks))
            .or_else(|| self.resolve_actor(phrase, span))
            .or_else(|| {
                // "May claimed ...", "Ms May said": a lone capitalised word in the speaker slot,
                // alone or after honorifics and titles, is a surname.
                let words: Vec<&str> = toks.iter().map(|t| word(text, t)).collect();
                let (last, titles) = words.split_last()?;
                let honorific = |w: &&str| {
                    role_of(w).is_some() || in_list(&TITLE_ABBREVS, w.trim_end_matches('.'))
                };
                (is_cap(last) && titles.iter().all(honorific))
                    .then(|| actors::resolve_surname_on(last, self.gazetteer, self.date))
                    .flatten()
            });
        let lower = phrase.to_lowercase();
        let last_role = head_words.iter().rev().find_map(|w| role_of(w));
        // "the SOHR's Rami Abdulrahman", "Russia's Sergei Lavrov": a name after a possessive is
        // a person, whatever organisation owns it.
        let named_after_possessive = possessive_head(phrase).is_some_and(|tail| {
            let words: Vec<&str> = tail.split_whitespace().collect();
            words.len() >= 2 && words.iter().all(|w| is_cap(w) && role_of(w).is_none())
        });
        // "A spokesman for the Bolivian army", "army spokesman Juan Perez": the phrase's head
        // (its words before a preposition) ends in a person's role or a name after one, so it
        // is a person whatever body the actor code names, and "he said" may refer back to it.
        // "The rights group Human Rights Watch": a body's own name after its description.
        let own_name = actor.as_ref().is_some_and(|a| {
            a.name == name && matches!(a.kind, ActorKind::Organisation | ActorKind::Country)
        });
        let person_head =
            head_is_person(&head_words) || (!own_name && titled_name(phrase, &name, named));
        // "AP", "Reuters", "the BBC": a news agency is a body ("it"), never "he".
        let org = crate::extract::agencies::agency(name.trim()).is_some()
            || acronym_after_the(&head_words)
            || !named_after_possessive
                && !person_head
                && (actor
                    .as_ref()
                    .map(|a| matches!(a.kind, ActorKind::Country | ActorKind::Organisation))
                    .unwrap_or(false)
                    || (!named && last_role.map(|r| r.org).unwrap_or(false)));
        let last_word = head_words.last().copied().unwrap_or("");
        let plural = last_role.map(|r| r.plural).unwrap_or(false)
            || (!is_cap(last_word) && last_word.ends_with('s') && !last_word.ends_with("ss"));
        let mut gender = gender_of_phrase(&lower);
        if gender == Gender::Unknown {
            gender = actor
                .as_ref()
                .filter(|a| a.kind == ActorKind::Person)
                .map_or(Gender::Unknown, |a| self.gazetteer_gender(&a.name));
        }
        if let Some(prev) = self.entities.iter().find(|e| e.name == name) {
            if gender == Gender::Unknown {
                gender = prev.gender;
            }
        }
        let person = !org
            && !plural
            && (named
                || named_after_possessive
                || person_head
                || last_role.is_some_and(|r| !r.org)
                || actor
                    .as_ref()
                    .is_some_and(|a| matches!(a.kind, ActorKind::Person | ActorKind::Anonymous)));
        self.entities.retain(|e| e.name != name);
        self.entities.push(Entity {
            name: name.clone(),
            full_lower: lower,
            gender,
            plural,
            org,
            named,
            person,
            actor: actor.clone(),
            pos: span.start,
            spoke: Some(span.start),
        });
        Speaker {
            span: Some(span),
            name,
            actor,
            confidence: 0.9,
        }
    }

    /// "the minister", "the Russian minister" (`head_words` after "the"): the entity the role
    /// noun refers back to. A capitalised modifier names its own party, so the role refers
    /// back only to someone of that party ("the Russian minister" after Lavrov, but not "the
    /// Iranian envoy" after the Russian envoy).
    fn definite_role(&mut self, head_words: &[&str], phrase: &str, span: Span) -> Option<Speaker> {
        let last = head_words.last().copied().unwrap_or("");
        if is_cap(last) {
            // "The Foreign Secretary said", "the Prime Minister added": British copy capitalises
            // a government office; read it as the office written in lower case. Any other
            // capitalised head ("the Foreign Ministry", "the White House") is a name.
            let lower: Vec<String> = head_words.iter().map(|w| w.to_lowercase()).collect();
            let words: Vec<&str> = lower.iter().map(String::as_str).collect();
            let office: Vec<&str> = words
                .iter()
                .copied()
                .filter(|w| !super::role_determiner(w))
                .collect();
            if !GOV_OFFICES.contains(&office.join(" ").as_str()) {
                return None;
            }
            return self.definite_role(&words, phrase, span);
        }
        let own_modifier = head_words
            .get(1..head_words.len().saturating_sub(1))
            .unwrap_or(&[])
            .iter()
            .any(|w| is_cap(w));
        // "the foreign ministry" refers back only to a ministry written with "foreign", not to
        // "the defence ministry": the lower-case words before the role must be the antecedent's.
        let qualifiers: Vec<String> = head_words[..head_words.len().saturating_sub(1)]
            .iter()
            .filter(|w| !is_cap(w))
            .map(|w| w.to_lowercase())
            .filter(|w| !super::role_determiner(w))
            .collect();
        let i = self.role_antecedent(last, &qualifiers, span)?;
        // A speaker found as a document's issuer keeps the document's noun: the next "the
        // statement" refers to it again.
        let noun = last.to_lowercase();
        if in_list(&CHANNEL_NOUNS, &noun) && !self.entities[i].full_lower.contains(&noun) {
            self.entities[i].full_lower.push(' ');
            self.entities[i].full_lower.push_str(&noun);
        }
        let country = |r: Option<&Resolved>| r.and_then(|a| a.country.clone());
        let own = own_modifier
            .then(|| self.resolve_actor(phrase, span))
            .flatten();
        (own.is_none() || country(own.as_ref()) == country(self.entities[i].actor.as_ref()))
            .then(|| self.take_role(i, span))
    }

    /// "Britain's delegation at the trade body": a role noun followed by a preposition
    /// speaks for the country of the words before the preposition, when they name one; the
    /// body after it is where the speaker sits, not whom it speaks for ("a source in the
    /// Peruvian delegation" names none before "in" and is read whole).
    fn own_country(&self, toks: &[Tok]) -> Option<Resolved> {
        let text = self.text;
        let p = preposition_after_role(text, toks, |_| true)?;
        // "the British Ministry of Defence": the body's whole name, when the gazetteer knows it.
        // "the Ministry of Defence of Azerbaijan": a state named after the body's name owns it,
        // whatever state the gazetteer files a body of that name under (read from the whole
        // phrase, below).
        let owned_after = |end: usize| {
            let rest = text[end..]
                .strip_prefix(" of the ")
                .or_else(|| text[end..].strip_prefix(" of "));
            rest.is_some_and(|r| r.starts_with(char::is_uppercase))
        };
        let whole = body_name(text, toks, p)
            .filter(|name| !owned_after(name.end))
            .and_then(|name| {
                actors::resolve_speaker_on(&text[name.start..name.end], self.gazetteer, self.date)
                    .filter(|r| r.kind == ActorKind::Organisation && r.country.is_some())
            });
        if whole.is_some() {
            return whole;
        }
        let span = Span::new(toks[0].s, toks[p - 1].e);
        let r = actors::resolve_speaker_on(&text[span.start..span.end], self.gazetteer, self.date)?;
        (r.country.is_some() && r.code != actors::UNKNOWN_CODE).then_some(r)
    }

    /// "a spokesman for the Bolivian army": a person's role noun, a preposition, then a body
    /// the gazetteer codes; the person speaks for that body (BOLMIL), not for the country its
    /// demonym alone would give (BOLGOV). Checked after [`Self::own_country`].
    fn body_after_role(&self, toks: &[Tok]) -> Option<Resolved> {
        let text = self.text;
        let p = preposition_after_role(text, toks, |r| !r.org)?;
        let body = toks.get(p + 1..)?;
        let span = Span::new(body.first()?.s, body.last()?.e);
        let r = actors::resolve_speaker_on(&text[span.start..span.end], self.gazetteer, self.date)?;
        (r.country.is_some()
            && r.code != actors::UNKNOWN_CODE
            && matches!(r.kind, ActorKind::Organisation | ActorKind::Anonymous))
        .then_some(r)
    }

    /// A gazetteer person's gender, from the honorific of one of their aliases ("Mrs May",
    /// "Mr. Obama": the honorifics' genders are in `attrib_roles.tsv`); unknown when no alias
    /// carries one, or when aliases disagree.
    fn gazetteer_gender(&self, name: &str) -> Gender {
        let mut found = Gender::Unknown;
        let people = self
            .gazetteer
            .entries
            .iter()
            .filter(|e| e.kind == ActorKind::Person && e.name == name);
        for alias in people.flat_map(|e| e.aliases.iter()) {
            let Some(first) = alias
                .split_whitespace()
                .next()
                .filter(|_| alias.contains(' '))
            else {
                continue;
            };
            let g = gender_of_phrase(&first.to_lowercase());
            match (found, g) {
                (_, Gender::Unknown) => {}
                (Gender::Unknown, g) => found = g,
                (f, g) if f != g => return Gender::Unknown,
                _ => {}
            }
        }
        found
    }

    pub(super) fn touch(&mut self, name: &str, pos: usize) {
        if let Some(e) = self.entities.iter_mut().find(|e| e.name == name) {
            e.pos = pos;
            e.spoke = Some(pos);
        }
    }

    pub(super) fn resolve_pronoun(&mut self, p: &str, span: Span) -> Speaker {
        let want_plural = matches!(p, "they" | "we");
        let want_org = p == "it";
        let gender = match p {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => Gender::Unknown,
        };
        let quoted = |pos: usize| self.quotes.iter().any(|q| q.start <= pos && pos < q.end);
        let ok: Vec<usize> = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.pos <= span.start && !quoted(e.pos))
            .filter(|(_, e)| {
                if want_org {
                    // "Al-Masdar said … It said": a one-word name no gazetteer person owns
                    // may be an outlet or a body.
                    let one_word_body = e.named
                        && !e.name.contains(' ')
                        && e.actor.as_ref().is_none_or(|a| a.kind != ActorKind::Person);
                    (e.org || one_word_body) && !e.plural
                } else if want_plural {
                    e.plural || e.org
                } else if p == "who" || p == "i" || p == "you" {
                    !e.org
                } else {
                    e.person && (e.gender == gender || e.gender == Gender::Unknown)
                }
            })
            .map(|(i, _)| i)
            .collect();
        // The latest sentence with a candidate holds the antecedent: its latest speaker, else
        // its first candidate (the subject, "Zakharova dubbed May's comments ... 'X,' she
        // said" is Zakharova), so an object named after the subject does not take the quote.
        let latest = ok.iter().map(|&i| self.entities[i].pos).max();
        let sent_of = |pos: usize| {
            self.sentences
                .iter()
                .find(|s| s.start <= pos && pos < s.end.max(s.start + 1))
                .copied()
        };
        let best = latest.and_then(|l| {
            let Some(sent) = sent_of(l) else {
                return ok.iter().copied().find(|&i| self.entities[i].pos == l);
            };
            let in_sent: Vec<usize> = ok
                .iter()
                .copied()
                .filter(|&i| sent.contains(Span::new(self.entities[i].pos, self.entities[i].pos)))
                .collect();
            in_sent
                .iter()
                .copied()
                .filter(|&i| self.entities[i].spoke == Some(self.entities[i].pos))
                .max_by_key(|&i| self.entities[i].pos)
                .or_else(|| {
                    in_sent
                        .iter()
                        .copied()
                        .min_by_key(|&i| self.entities[i].pos)
                })
        });
        match best {
            Some(i) => {
                if gender != Gender::Unknown && self.entities[i].gender == Gender::Unknown {
                    self.entities[i].gender = gender;
                }
                self.entities[i].pos = span.start;
                self.entities[i].spoke = Some(span.start);
                let e = &self.entities[i];
                Speaker {
                    span: Some(span),
                    name: e.name.clone(),
                    actor: e.actor.clone(),
                    confidence: 0.75,
                }
            }
            None => Speaker {
                span: Some(span),
                name: self.text[span.start..span.end].to_string(),
                actor: None,
                confidence: 0.5,
            },
        }
    }

    /// The entity a role noun refers back to ("the minister" -> the last entity written with
    /// "minister", else for a government office the latest named government person).
    fn role_antecedent(&self, role: &str, qualifiers: &[String], span: Span) -> Option<usize> {
        let lr = role.to_lowercase();
        // "the PM": the title written out at the first mention.
        let lr = if lr == "pm" {
            "prime minister".to_string()
        } else {
            lr
        };
        let singular = lr.strip_suffix('s').unwrap_or(&lr).to_string();
        // "In a statement, the FSB said … The statement added": a channel noun also refers to
        // the speaker whose attribution names that document as its channel.
        let issued = super::channel_patterns(&lr);
        let issued_here = |pos: usize| {
            issued.is_some_and(|(opening, after)| {
                let (before, rest) = channel_window(self.text, pos, span.start);
                // After the speaker, only in its own clause: up to the first comma or stop
                // ("Lawyers filed a complaint, citing details in a report" issued nothing).
                let own = rest.find([',', '.', ';']).map_or(rest, |e| &rest[..e]);
                let w = if opening.is_match(before) {
                    before
                } else if after.is_match(own) {
                    own
                } else {
                    return false;
                };
                let w = w.to_lowercase();
                qualifiers.iter().all(|q| w.contains(q.as_str()))
            })
        };
        let i = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.pos <= span.start)
            .filter(|(_, e)| {
                (e.full_lower.contains(&lr) || e.full_lower.contains(&singular))
                    && qualifiers.iter().all(|q| e.full_lower.contains(q.as_str()))
                    || e.spoke.is_some_and(issued_here)
            })
            .max_by_key(|(_, e)| e.pos)
            .map(|(i, _)| i)
            .or_else(|| {
                // "the prime minister" after a gazetteer person named without the title
                // ("Theresa May said ... The prime minister added"): the latest named person
                // of a government (GOV code), when the role is a government office.
                if !GOV_OFFICES.contains(&singular.as_str()) {
                    return None;
                }
                self.entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.pos <= span.start && e.named && !e.org && !e.plural)
                    // "the Canadian prime minister Trudeau" holds another office than "the
                    // foreign minister": a person written with the role word but without its
                    // qualifiers (the search above found none with them) is someone else.
                    .filter(|(_, e)| {
                        !e.full_lower.contains(&singular)
                            && !titled_otherwise(self.text, e.pos, &singular, qualifiers)
                    })
                    .filter(|(_, e)| {
                        e.actor.as_ref().is_some_and(|a| {
                            a.kind == ActorKind::Person && a.code.get(3..) == Some("GOV")
                        })
                    })
                    .max_by_key(|(_, e)| e.pos)
                    .map(|(i, _)| i)
            })?;
        Some(i)
    }

    /// Entity `i` speaks again, as the role noun at `span`.
    fn take_role(&mut self, i: usize, span: Span) -> Speaker {
        self.entities[i].pos = span.start;
        self.entities[i].spoke = Some(span.start);
        let e = &self.entities[i];
        Speaker {
            span: Some(span),
            name: e.name.clone(),
            actor: e.actor.clone(),
            confidence: 0.8,
        }
    }

    /// Remember person names mentioned outside attributions ("Shoigu met ..."), for pronouns.
    /// "The Iranian embassy hit back within hours. In a statement, it dismissed …": a sentence
    /// that holds no claim may still name the body a later "it" speaks for. Its subject is
    /// remembered when it is one organisation: a body role's head ("the embassy", "Iran's
    /// foreign ministry") or a country or organisation the gazetteer knows, not a list ("X
    /// and Y") and not a person.
    pub(super) fn note_subject(&mut self, toks: &[Tok]) {
        self.note_body_subject(toks, true);
    }

    /// "The US military released footage which it says shows …", "The ministry put out a
    /// video it said proved …": an "it" that speaks inside a relative clause (after "which" or
    /// "that", or straight after the noun it describes) is the sentence's own subject, when
    /// that subject is one organisation (as [`Ctx::note_subject`] reads it, whatever its verb).
    /// Called before the sentence's claims are read, so the pronoun finds it.
    pub(super) fn note_relative_subject(&mut self, toks: &[Tok]) {
        let text = self.text;
        // The passive is read only for a sentence that has "it" before a denial verb (this
        // runs on every sentence).
        let passive = std::cell::OnceCell::new();
        let passive = || {
            *passive.get_or_init(|| match (toks.first(), toks.last()) {
                (Some(f), Some(l)) => PASSIVE_ACCUSATION.is_match(&text[f.s..l.e]),
                _ => false,
            })
        };
        let relative_it = toks.windows(2).enumerate().any(|(k, w)| {
            let verb = word(text, &w[1]);
            k > 1
                && word(text, &w[0]) == "it"
                && (in_list(&RELATIVE_CUES, verb)
                    || (in_list(&RELATIVE_DENIALS, verb) && passive()))
                && toks[k - 1].k == TokKind::Word
                && !is_cap(word(text, &toks[k - 1]))
                && !matches!(
                    word(text, &toks[k - 1]),
                    "and" | "but" | "as" | "if" | "because"
                )
        });
        if relative_it {
            self.note_body_subject(toks, false);
        }
    }

    fn note_body_subject(&mut self, toks: &[Tok], need_response: bool) {
        let text = self.text;
        let Some((k0, end)) = super::phrase::sentence_subject(text, toks) else {
            return;
        };
        // The subject's verb announces its reply ("hit back", "gave a different account";
        // `response` words): a body that only acts in the narrative ("Ukraine withdrew its
        // troops in February") does not take "it" from the body that has been speaking.
        // A place after the body is read through: "The Iranian embassy in The Hague hit back".
        let mut next = end + 1;
        if toks
            .get(next)
            .is_some_and(|t| matches!(word(text, t), "in" | "at" | "from"))
        {
            next += 1;
            while toks
                .get(next)
                .is_some_and(|t| t.k == TokKind::Word && is_cap(word(text, t)))
            {
                next += 1;
            }
        }
        let verb_next = toks.get(next).is_some_and(|t| {
            t.k == TokKind::Word && in_list(&super::lexicon::RESPONSES, word(text, t))
        });
        if need_response && !verb_next {
            return;
        }
        if toks[k0..=end]
            .iter()
            .any(|t| matches!(word(text, t), "and" | "or" | "&"))
        {
            return;
        }
        let last = word(text, &toks[end]);
        let body_role = role_of(last).map(|r| r.org && !r.plural);
        if body_role == Some(false) || (body_role.is_none() && !is_cap(last)) {
            return;
        }
        let span = Span::new(toks[k0].s, toks[end].e);
        let phrase = &text[span.start..span.end];
        let actor = self.resolve_actor(phrase, span);
        let known_body = actor
            .as_ref()
            .is_some_and(|a| matches!(a.kind, ActorKind::Country | ActorKind::Organisation));
        if !(body_role == Some(true) || known_body) {
            return;
        }
        let name = phrase.to_string();
        self.entities.retain(|e| e.name != name);
        self.entities.push(Entity {
            name,
            full_lower: phrase.to_lowercase(),
            gender: Gender::Unknown,
            plural: false,
            org: true,
            named: false,
            person: false,
            actor,
            pos: span.start,
            spoke: None,
        });
    }

    /// "Anand gave the description at a briefing on Saturday. She said …": a sentence with no
    /// claim that opens with a person already named (the full name or the surname) brings that
    /// person back as the subject a later "he" or "she" refers to.
    pub(super) fn note_person_subject(&mut self, toks: &[Tok]) {
        let text = self.text;
        let Some(first) = toks.iter().position(|t| t.k == TokKind::Word) else {
            return;
        };
        let cap = |k: usize| {
            toks.get(k)
                .is_some_and(|t| t.k == TokKind::Word && is_cap(word(text, t)))
        };
        // "May 4 was …", "Will the talks resume?": a month or a modal, not the surname.
        let w = word(text, &toks[first]);
        let next = toks.get(first + 1).map_or("", |t| word(text, t));
        let next_lower = next.starts_with(|c: char| c.is_ascii_lowercase());
        let next_digit = next.starts_with(|c: char| c.is_ascii_digit());
        if !cap(first)
            || in_list(&CAP_STOP, w)
            || (in_list(NAME_LIKE_SKIPS, w) && next_lower)
            || next_digit
        {
            return;
        }
        let last = (first..toks.len())
            .take_while(|&k| cap(k))
            .last()
            .unwrap_or(first);
        let phrase = &text[toks[first].s..toks[last].e];
        let start = toks[first].s;
        // A one-word subject is a surname; two or more words must be the whole name ("Maria
        // Dahl" does not bring back Jonas Dahl).
        let one_word = last == first;
        if let Some(e) = self.entities.iter_mut().rev().find(|e| {
            e.person
                && e.named
                && e.pos < start
                && (e.name == phrase || (one_word && e.name.rsplit(' ').next() == Some(phrase)))
        }) {
            e.pos = start;
        }
    }

    pub(super) fn note_names(&mut self, toks: &[Tok]) {
        let text = self.text;
        let mut i = 0;
        while i < toks.len() {
            let w = word(text, &toks[i]);
            // Only a word can be a title: punctuation is not looked up.
            let title = toks[i].k == TokKind::Word
                && (matches!(w, "Mr." | "Mrs." | "Ms." | "Dr." | "Gen." | "Sen." | "Rep.")
                    || role_of(w).is_some_and(|r| !r.org));
            if title {
                let mut j = i + 1;
                while j < toks.len()
                    && toks[j].k == TokKind::Word
                    && is_cap(word(text, &toks[j]))
                    && role_of(word(text, &toks[j])).is_none()
                    && !in_list(&CAP_STOP, word(text, &toks[j]))
                {
                    j += 1;
                }
                if j > i + 1 {
                    let name = text[toks[i + 1].s..toks[j - 1].e].to_string();
                    let name = name
                        .trim_end_matches("'s")
                        .trim_end_matches("’s")
                        .to_string();
                    if !self.entities.iter().any(|e| e.name == name) {
                        let gender = match w {
                            "Mr." => Gender::Male,
                            "Mrs." | "Ms." => Gender::Female,
                            _ => gender_of_phrase(&w.to_lowercase()),
                        };
                        let span = Span::new(toks[i].s, toks[j - 1].e);
                        let actor = self.resolve_actor(&text[span.start..span.end], span);
                        self.entities.push(Entity {
                            name,
                            full_lower: text[span.start..span.end].to_lowercase(),
                            gender,
                            plural: false,
                            org: false,
                            named: true,
                            person: true,
                            actor,
                            pos: span.start,
                            spoke: None,
                        });
                    }
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
    }
}

/// Whether the words right before the mention at `pos` (back to a clause break, at most 48
/// bytes) hold the role word `role` without all of `qualifiers`: "the Turkish prime minister
/// Ana Ruiz" holds another office than "the foreign minister".
fn titled_otherwise(text: &str, pos: usize, role: &str, qualifiers: &[String]) -> bool {
    let lo = text.floor_char_boundary(pos.saturating_sub(48));
    let Some(before) = text.get(lo..pos) else {
        return false;
    };
    let title = match before
        .char_indices()
        .rev()
        .find(|(_, c)| [',', '.', ';', '"', '“', '”', ':', '(', '\n'].contains(c))
    {
        Some((i, c)) => &before[i + c.len_utf8()..],
        None => before,
    }
    .to_lowercase();
    let words: Vec<&str> = title.split_whitespace().collect();
    words.contains(&role) && !qualifiers.iter().all(|q| words.contains(&q.as_str()))
}

/// The first preposition right after a role noun that `fits` ("delegation at", "spokesman
/// for"), as a token index: the phrase's head ends before it.
fn preposition_after_role(text: &str, toks: &[Tok], fits: impl Fn(Role) -> bool) -> Option<usize> {
    (1..toks.len()).find(|&i| {
        role_preposition(word(text, &toks[i]))
            && role_of(word(text, &toks[i - 1])).is_some_and(&fits)
    })
}

/// A capitalised body's noun, its preposition and the capitalised words after it ("the
/// British Ministry of Defence", "the Syrian Observatory for Human Rights"): the words from
/// the phrase's start to the end of that name, as a span, when the role noun at `p - 1` and
/// the word after preposition `p` are capitalised and the noun names a body.
fn body_name(text: &str, toks: &[Tok], p: usize) -> Option<Span> {
    let noun = word(text, &toks[p.checked_sub(1)?]);
    let cap = |k: usize| toks.get(k).is_some_and(|t| is_cap(word(text, t)));
    if !(is_cap(noun) && role_of(noun).is_some_and(|r| r.org) && cap(p + 1)) {
        return None;
    }
    let last = (p + 1..toks.len()).take_while(|&k| cap(k)).last()?;
    Some(Span::new(toks[0].s, toks[last].e))
}

/// Whether a speaker phrase's head names a person: its last role noun before a preposition
/// ("a spokesman for the army") is a person's role, or capitalised words of a name follow that
/// role ("army spokesman Juan Perez").
fn head_is_person(head_words: &[&str]) -> bool {
    let head: &[&str] = head_words
        .iter()
        .position(|w| role_preposition(w))
        .map_or(head_words, |i| &head_words[..i]);
    let Some((i, role)) = head
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, w)| role_of(w).map(|r| (i, r)))
    else {
        return false;
    };
    !role.org && !role.plural && head[i + 1..].iter().all(|w| is_cap(w))
}

/// "U.N. Undersecretary-General for political affairs Rosemary DiCarlo": a name of two words
/// or more after a title (not after a determiner or a possessive) is a person's, whatever body
/// the title names, so "she said" may refer back to it.
fn titled_name(phrase: &str, name: &str, named: bool) -> bool {
    let Some(title) = phrase.strip_suffix(name).map(str::trim_end) else {
        return false;
    };
    let last = title.rsplit(' ').next().unwrap_or("");
    named
        && name.split_whitespace().count() >= 2
        && !title.is_empty()
        && !in_list(DETERMINERS, last)
        && !last.ends_with("'s")
        && !last.ends_with("\u{2019}s")
        && !last.ends_with("s'")
}

/// The words after the last possessive of a phrase: "the SOHR's Rami Abdulrahman" -> "Rami
/// Abdulrahman".
fn possessive_head(phrase: &str) -> Option<&str> {
    let straight = phrase.rfind("'s ").map(|i| i + 3);
    let curly = phrase.rfind("’s ").map(|i| i + "’s ".len());
    straight.max(curly).map(|i| &phrase[i..])
}

/// "the BBC", "the NHK": "the" and an acronym is a body, never "he" ("the Ukrainian, 34, said
/// he" is a person).
fn acronym_after_the(head_words: &[&str]) -> bool {
    matches!(head_words, [the, name] if the.eq_ignore_ascii_case("the")
        && name.len() >= 2
        && name.bytes().all(|b| b.is_ascii_uppercase()))
}

/// The words before a speaker at `pos` in its sentence (at most 40 bytes) and the words from
/// it to 160 bytes on, not past the line or `limit`: where its channel may be named.
fn channel_window(text: &str, pos: usize, limit: usize) -> (&str, &str) {
    let end = text.floor_char_boundary((pos + 160).min(limit).max(pos));
    let end = text
        .get(pos..end)
        .and_then(|r| r.find('\n'))
        .map_or(end, |e| pos + e);
    let start = text.floor_char_boundary(pos.saturating_sub(40));
    let start = text
        .get(start..pos)
        .and_then(|b| b.rfind(['\n', '.']))
        .map_or(start, |b| start + b + 1);
    (
        text.get(start..pos).unwrap_or(""),
        text.get(pos..end).unwrap_or(""),
    )
}
