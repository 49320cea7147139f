//! Attribution tests: one table of inputs and the claims expected from them, speakers and
//! their sides, claim dates, denials, the design's worked example and inputs that must not panic.

use super::*;
use crate::extract::sentences;
use crate::extract::{actors, frames};
use crate::model::GazetteerEntry;

fn run(text: &str) -> Vec<Claim> {
    let sents = sentences::split(text);
    let mut d = Vec::new();
    find(
        text,
        &sents,
        &[],
        &[],
        DateValue::unknown(),
        &Gazetteer::builtin(),
        &mut d,
    )
}

/// One line per claim: "speaker | cue | kind | content".
fn render(c: &Claim) -> String {
    format!(
        "{} | {} | {} | {}",
        c.speaker,
        c.cue,
        c.kind.as_str(),
        c.text
    )
}

/// Run attribution on `input` and compare every claim, in text order, with `expect`.
fn check(input: &str, expect: &[&str]) {
    let got: Vec<String> = run(input).iter().map(render).collect();
    assert_eq!(got, expect, "input: {input}");
}

#[test]
fn attribution_table() {
    let cases: &[(&str, &[&str])] = &[
        // a cue inside a relative clause after ", which" reports the rest of that clause,
        // not the sentence's main clause; a denial there still takes the clause before
        (
            "The drone, which Quito says was a weather research craft blown off course, was shot down on Friday.",
            &["Quito | says | indirect | was a weather research craft blown off course"],
        ),
        (
            "Peru was behind the blast, which Lima denies.",
            &["Lima | denies | indirect | Peru was behind the blast"],
        ),
        // a transcript's turn: every later sentence of the speaker's line is the speaker's, and
        // "we" there is the speaker, not the party the question named
        (
            "Q: Lima says the boat was on a routine mission. Your comment?\nAna Ruiz: The boat entered our waters without permission. The coast guard acted lawfully. We urge Lima to stop its provocations.\nQ: Will the crew be released?\nAna Ruiz: The crew is being questioned.",
            &[
                "Lima | says | indirect | the boat was on a routine mission",
                "Ana Ruiz | : | indirect | The boat entered our waters without permission",
                "Ana Ruiz | : | direct | The coast guard acted lawfully",
                "Ana Ruiz | urge | indirect | Lima to stop its provocations",
                "Ana Ruiz | : | indirect | The crew is being questioned",
            ],
        ),
        // one labelled line is no dialogue: the heading's later sentences are nobody's turn
        (
            "UN: PEACEKEEPERS ACCUSED The body has faced many allegations. A new case came to light this month.",
            &["UN | : | indirect | PEACEKEEPERS ACCUSED The body has faced many allegations"],
        ),
        // a legislator's party-and-state tag between commas, its state abbreviated with a dot,
        // is part of the speaker phrase, not a sentence end
        (
            "Sen. Jane Dole, D-Ore., said the balloon should have been shot down sooner.",
            &["Jane Dole | said | indirect | the balloon should have been shot down sooner"],
        ),
        // a thing mentioned is a topic (`clause-only`); a "that" clause is a claim
        ("The agency did not mention the envoy by name.", &[]),
        (
            "The agency mentioned that the envoy had left Lima.",
            &["The agency | mentioned | indirect | the envoy had left Lima"],
        ),
        // being somewhere is no statement (`appearance`); appearing to do a thing stays a cue
        ("He appeared in court the next morning.", &[]),
        ("The minister appeared before the committee on Tuesday.", &[]),
        // a name given ("identified as", "described as") is no statement; a description of
        // someone as something is
        (
            "Police searched for a suspect identified as Ali Hassan, a local man.",
            &[],
        ),
        (
            "The activist described the killer as a hero.",
            &["The activist | described | indirect | the killer as a hero"],
        ),
        // things carried at a rally speak for no one (`event-head`)
        ("Some carried signs demanding freedom for the prisoners.", &[]),
        // a verb in "-s" cannot follow a plural quantifier or a number: the cue word is a noun
        ("Both charges carry a penalty of up to life in prison.", &[]),
        ("Several claims made the rounds on social media.", &[]),
        (
            "Both claim the talks failed.",
            &["Both | claim | indirect | the talks failed"],
        ),
        // a party that gave no answer made no claim (`no-comment`)
        (
            "The embassy in Lima did not immediately respond to a request for comment.",
            &[],
        ),
        // an event speaks for no one (`event-head`); a statement does
        (
            "The incident is threatening to reignite the tensions between the two capitals.",
            &[],
        ),
        (
            "The statement said the border would stay open.",
            &["The statement | said | indirect | the border would stay open"],
        ),
        // a topic or a thing asked for is no claim (`clause-only`); a demand and a "that"
        // clause are
        ("The council is discussing the incident off the coast.", &[]),
        ("Lawmakers approved the use of martial law in ten regions.", &[]),
        (
            "A reporter asked about the exchange of the detained sailors.",
            &[],
        ),
        (
            "Moscow has asked for a sample of the agent.",
            &["Moscow | asked | indirect | for a sample of the agent"],
        ),
        // a physical cue whose object is a craft or an armed force is a fight; grounds given
        // ("for", "as") make it a verbal attack
        ("Peru attacked two Ecuadorean patrol boats which were heading to the port.", &[]),
        (
            "The senator attacked the navy for its silence over the collision.",
            &["The senator | attacked | indirect | the navy for its silence over the collision"],
        ),
        // a denial of one word naming the charge, or a pronoun for the charge just reported,
        // is a claim (`denied-word` in claim_words.tsv); other one-word objects are not
        (
            "Lima blamed Quito for the blast. Quito denied involvement.",
            &[
                "Lima | blamed | indirect | Quito for the blast",
                "Quito | denied | indirect | involvement",
            ],
        ),
        (
            "Lima blamed Quito for the blast. Quito denies this.",
            &[
                "Lima | blamed | indirect | Quito for the blast",
                "Quito | denies | indirect | this",
            ],
        ),
        (
            "Lima blamed Quito for the blast. Quito has denied that.",
            &[
                "Lima | blamed | indirect | Quito for the blast",
                "Quito | denied | indirect | that",
            ],
        ),
        // a pronoun after "rejected" may stand for a proposal: no claim of it
        ("Lima proposed talks. Quito rejected it.", &[]),
        // ", according to …" is no participle: the denial stands
        (
            "Quito denied it, according to the agency.",
            &["Quito | denied | indirect | it"],
        ),
        ("The border guards denied access.", &[]),
        // with a participle after the comma, the participle's clause says what is denied
        (
            "Quito denied it, saying the charge was absurd.",
            &["Quito | saying | indirect | the charge was absurd"],
        ),
        // a relative clause of denial after the charge: the party in it denies the clause
        // before; an "it" there is the sentence's subject
        (
            "Lima blames Quito for the blast, which Quito denies.",
            &[
                "Quito | denies | indirect | Lima blames Quito for the blast",
                "Lima | blames | indirect | Quito for the blast",
            ],
        ),
        (
            "Quito has been blamed for the blast, which it denies.",
            &["Quito | denies | indirect | Quito has been blamed for the blast"],
        ),
        // after an active accusation "it" would be the accuser: no claim of the relative
        (
            "Lima blames Quito for the blast, which it denies.",
            &["Lima | blames | indirect | Quito for the blast, which it denies"],
        ),
        // a circumstance opening the reported clause, then an attribution nested in it: the
        // nested one is what was said, and the content stays whole (not "on Monday")
        (
            "Lavrov said that on Monday the rebels denied breaking the truce.",
            &["Lavrov | said | indirect | on Monday the rebels denied breaking the truce"],
        ),
        (
            "The minister told reporters that last week Western officials warned the deal could collapse.",
            &["The minister | told reporters | indirect | last week Western officials warned the deal could collapse"],
        ),
        // a noun between a determiner and "of" heads the speaker phrase: the ship did not speak
        (
            "The owner of the ship said the tanker was seized.",
            &["The owner of the ship | said | indirect | the tanker was seized"],
        ),
        (
            "Most of the rebels said the truce held.",
            &["Most of the rebels | said | indirect | the truce held"],
        ),
        // a closing attribution after a content that opens with a preposition still ends it
        (
            "A doctor said at least 12 people died, the agency reported.",
            &[
                "the agency | reported | indirect | A doctor said at least 12 people died",
                "A doctor | said | indirect | at least 12 people died",
            ],
        ),
        // an attribution set in commas between the subject and its verb: what was said is the
        // whole clause, subject included (it was "useful and would go on")
        (
            "The talks, the minister said on Monday, were useful and would go on.",
            &["the minister | said | indirect | The talks, the minister said on Monday, were useful and would go on"],
        ),
        // not when the clause opens after the attribution
        (
            "In Moscow, the minister said, the talks were useful.",
            &["the minister | said | indirect | the talks were useful"],
        ),
        // a title whose portfolio follows "of" or "for": the name is what follows the portfolio
        (
            "Minister for Foreign Affairs Ali Khan said the border was calm.",
            &["Ali Khan | said | indirect | the border was calm"],
        ),
        (
            "The border was calm, said Minister of Energy Bill Moss.",
            &["Bill Moss | said | indirect | The border was calm"],
        ),
        (
            "Minister of State for Foreign Affairs Ali Khan said the border was calm.",
            &["Ali Khan | said | indirect | the border was calm"],
        ),
        (
            "Minister of Petroleum Resources Ali Khan said output would rise.",
            &["Ali Khan | said | indirect | output would rise"],
        ),
        // a clause before the later attribution is content of its own, which ends there
        (
            "Some 46 percent said yes, compared with 23 percent who said no.",
            &["Some 46 percent | said | indirect | yes, compared with 23 percent"],
        ),
        // quote-first inversion with an owner before the title: "said the ministry's spokesman"
        (
            "The talks have stalled, said the ministry's spokesman.",
            &["the ministry's spokesman | said | indirect | The talks have stalled"],
        ),
        // an auxiliary phrase after the inversion's owner opens the reported clause
        (
            "The plan is dead, said the country's leaders were wrong.",
            &[],
        ),
        // a clause between commas before the cue is no appositive: the speaker comes after it
        (
            "In nearby Tula, the old mill is hanging on, said the firm's spokesman, Ana Ruiz.",
            &["the firm's spokesman | said | indirect | In nearby Tula, the old mill is hanging on"],
        ),
        // a plural owner too
        (
            "The truce is over, said the rebels' spokesman.",
            &["the rebels' spokesman | said | indirect | The truce is over"],
        ),
        // an auxiliary after a preposition or "what" is inside the appositive
        (
            "Ana Ruiz, envoy to the talks for what has been two years, said the talks had stalled.",
            &["Ana Ruiz | said | indirect | the talks had stalled"],
        ),
        // a name, then a circumstance before the verb: the name speaks
        (
            "Ruiz at a news conference in Lima said the quota was unfair.",
            &["Ruiz | said | indirect | the quota was unfair"],
        ),
        (
            "Ana Ruiz at the council's meeting on the fishing quotas also stated that Lima would not yield.",
            &["Ana Ruiz | stated | indirect | Lima would not yield"],
        ),
        // but a time word or a plural of people opening the clause is no name, and a subject
        // right before the verb stays the speaker
        (
            "Late on Friday the ministry said the quota was unfair.",
            &["the ministry | said | indirect | the quota was unfair"],
        ),
        // a short bracket after the name, then an appositive
        (
            "Ana Ruiz (pictured), a lawmaker, said the talks had stalled.",
            &["Ana Ruiz | said | indirect | the talks had stalled"],
        ),
        // but a relative clause with a copula is an appositive
        (
            "Jan Kovac, who is a member of the union, said the mill would close.",
            &["Jan Kovac | said | indirect | the mill would close"],
        ),
        // praise of a deal ("hailed"); a public appeal; "went on to claim"
        (
            "The neighbours hailed a landmark accord on Tuesday to end the border dispute.",
            &["The neighbours | hailed | indirect | a landmark accord on Tuesday to end the border dispute"],
        ),
        (
            "The governor made an appeal for calm at a rally in the capital.",
            &["The governor | made an appeal for | indirect | calm at a rally in the capital"],
        ),
        (
            "The finance minister went on to claim it is obvious the bank has hidden its losses.",
            &["The finance minister | went on to claim | indirect | it is obvious the bank has hidden its losses"],
        ),
        // "said this" points back at the sentence before; once, when that sentence has a claim
        (
            "The channel will stay shut. The harbour master said this during a briefing.",
            &["The harbour master | said | indirect | The channel will stay shut."],
        ),
        (
            "Ana Ruiz believes the channel will stay shut. The harbour master said this during a briefing.",
            &["Ana Ruiz | believes | indirect | the channel will stay shut"],
        ),
        // a lower-case word that is no noun of a person or a body speaks for no one
        (
            "The pilots could be heard repeating the warning several times.",
            &[],
        ),
        // a preposition or "worth" before a participle cue is no speaker
        (
            "The regime has done everything to justify the diversion, including blaming it on a militant group.",
            &[],
        ),
        (
            "However, it's worth noting that the audio has not been verified.",
            &[],
        ),
        // "termed" characterises, like "branded"
        (
            "The ministry on Friday termed reports that it had sunk the trawler as lies.",
            &["The ministry | termed | indirect | reports that it had sunk the trawler as lies"],
        ),
        (
            "The spokesman went even further to allege, \"The guards crossed the line by night.\"",
            &["The spokesman | went even further to allege | direct | The guards crossed the line by night"],
        ),
        // a fronted "as" clause with a cue of informing
        (
            "As an aide to the minister informed journalists earlier, the government in fact waited three days for a reply.",
            &["an aide to the minister | informed journalists | indirect | the government in fact waited three days for a reply"],
        ),
        // a discourse adverb between commas, a manner adverb, a floating quantifier: the
        // subject before them still speaks
        (
            "The interior minister on Monday, though, rejected the notion that the army had anything to do with the shooting.",
            &["The interior minister | rejected | indirect | the notion that the army had anything to do with the shooting"],
        ),
        // a circumstance between commas ("in a statement", "at a news conference in …")
        (
            "The coast guard, in a statement, said the trawler had ignored three warnings.",
            &["The coast guard | said | indirect | the trawler had ignored three warnings"],
        ),
        (
            "The Icelandic ministry, at a news conference in Reykjavik, said quotas would be cut.",
            &["The Icelandic ministry | said | indirect | quotas would be cut"],
        ),
        (
            "The fisheries agency, at a news conference in Reykjavik on Monday, said quotas would be cut.",
            &["The fisheries agency | said | indirect | quotas would be cut"],
        ),
        // a manner adverb opening the sentence before a participle is no speaker: the
        // sentence's claim is the main clause's
        (
            "Emphatically rejecting the report, the port authority said the ship had left.",
            &["the port authority | said | indirect | the ship had left"],
        ),
        (
            "Outrightly dismissing the charge, the fisheries minister said on Thursday that the trawler had stayed in its own waters.",
            &["the fisheries minister | said | indirect | the trawler had stayed in its own waters"],
        ),
        // a coordinate's seconds of arc ("43\"N") are no quote marks
        (
            "\"The boat crossed at 04:05 at 26°01'12\"N 56°10'30\"E near the cape,\" the minister tweeted.",
            &["the minister | tweeted | direct | The boat crossed at 04:05 at 26°01'12\"N 56°10'30\"E near the cape"],
        ),
        // "say" as a share in a decision is no cue
        ("The supreme leader has the final say on all state matters.", &[]),
        ("Fishermen said they had no say in the quota talks.", &["Fishermen | said | indirect | they had no say in the quota talks"]),
        // page furniture: an imperative to the reader ("Please read …") has no speaker
        ("Please read our comment policy before commenting.", &[]),
        // a picture or a record shows but speaks for no one
        ("Satellite images showed two vessels alongside the tanker.", &[]),
        ("Ship-tracking data showed the ferry turning back towards the port.", &[]),
        // characterising cues: "labelled" as "branded"
        (
            "The transport ministry labelled the dockers' strike illegal.",
            &["The transport ministry | labelled | indirect | the dockers' strike illegal"],
        ),
        // a participle cue after "after"/"before" takes the clause's subject
        (
            "The ministry made the accusation after denying claims by Lima that its boats had entered Peruvian waters.",
            &["The ministry | denying | indirect | claims by Lima that its boats had entered Peruvian waters"],
        ),
        // ... but not inside the content of a claim the sentence already has
        (
            "The envoy called on the monitors to investigate before blaming anyone.",
            &["The envoy | called on | indirect | monitors to investigate before blaming anyone"],
        ),
        // not a circumstance: a clause between commas still breaks the link
        (
            "The trawler, which had ignored three warnings, sank on Monday.",
            &[],
        ),
        (
            "City officials had planned to open the bridge on Friday, but then abruptly said some safety problems had arisen.",
            &["City officials | said | indirect | some safety problems had arisen"],
        ),
        (
            "The three ministries have all rejected the claim that they supplied the rifles.",
            &["three ministries | rejected | indirect | the claim that they supplied the rifles"],
        ),
        // a role noun's "to" phrase is part of the speaker
        (
            "The grain had been sold before the drought, the Peruvian ambassador to Chile has claimed.",
            &["the Peruvian ambassador to Chile | claimed | indirect | The grain had been sold before the drought"],
        ),
        // ", saying:" before a quotation hangs on the clause's subject
        (
            "The ministers issued a joint text backing the port, saying: \"The council condemns the attack on the harbour.\"",
            &["The ministers | saying: | direct | The council condemns the attack on the harbour"],
        ),
        // a noun in "-ly" is a speaker's head, not an adverb; an agentless passive names
        // no speaker
        (
            "The daily said the talks had failed.",
            &["The daily | said | indirect | the talks had failed"],
        ),
        (
            "It was revealed that a small number of officers were assessed after the incident.",
            &[],
        ),
        // ", adding that …" after a quote-first or clause-first attribution is a claim of its
        // own; the clause before the attribution stays its content
        (
            "The bridge will reopen soon, the mayor said, adding that repairs would cost more.",
            &[
                "the mayor | said | indirect | The bridge will reopen soon",
                "the mayor | adding | indirect | repairs would cost more",
            ],
        ),
        (
            "The bridge will reopen soon, the mayor said, noting the repairs were finished.",
            &[
                "the mayor | said | indirect | The bridge will reopen soon",
                "the mayor | noting | indirect | the repairs were finished",
            ],
        ),
        // the anonymity formula is no claim
        (
            "\"The bridge is safe,\" a spokeswoman for the city, who asked not to be named, said.",
            &["a spokeswoman for the city | said | direct | The bridge is safe"],
        ),
        // a cue word that is also a noun, after an article, a possessive or an adjective
        (
            "The governor began the day with a carefully worded tweet about the flood.",
            &[],
        ),
        (
            "Their states remained close, and the tweets stopped.",
            &[],
        ),
        // a reduced passive names what was rejected, not who rejected it
        (
            "The mayor will meet her rivals to save a budget narrowly rejected by the council on Sunday.",
            &[],
        ),
        // a phrase followed by an auxiliary after the cue opens the reported clause: no
        // inversion; and a short quoted phrase inside an appositive keeps the subject
        (
            "The envoy, who wished the sailors a \"safe return\", said the Peruvians were unaware of the plan.",
            &["The envoy | said | indirect | the Peruvians were unaware of the plan"],
        ),
        (
            "\"We will not yield,\" said the admiral.",
            &["the admiral | said | direct | We will not yield"],
        ),
        // "cited/quoted Y as saying" at the end of its sentence: the clause before is the content
        (
            "Peru is close to a deal, the agency on Monday cited Defence Minister Ana Ruiz as saying. \"We are near,\" Ruiz was cited as saying.",
            &[
                "Ana Ruiz | cited Defence Minister Ana Ruiz as saying | indirect | Peru is close to a deal",
                "Ana Ruiz | was cited as saying | direct | We are near",
            ],
        ),
        (
            "The talks went well. \"Talks are near,\" Ruiz was cited as saying.",
            &["Ruiz | was cited as saying | direct | Talks are near"],
        ),
        // "the statement" refers to the speaker whose attribution named a statement as its
        // channel, before ("In a statement, X said") or after the speaker, and stays with it;
        // "a statement by the Peruvian navy" is an entity of its own, named "The statement"
        // and speaking for the navy
        (
            "According to a statement by the Peruvian navy, the boats left on time. The statement said the crews were safe. In a statement, the Chilean coast guard said the boats entered its waters. The statement added that the boats ignored warnings. The boats stayed for hours, the statement said.",
            &[
                "the Peruvian navy | According to | indirect | the boats left on time",
                "The statement | said | indirect | the crews were safe",
                "the Chilean coast guard | said | indirect | the boats entered its waters",
                "the Chilean coast guard | added | indirect | the boats ignored warnings",
                "the Chilean coast guard | said | indirect | The boats stayed for hours",
            ],
        ),
        // a proper name no entry codes that "reported" another's attribution only relays
        // it; "identified himself as" names the speaker and is no claim; a passive verb of
        // perception before "saying" makes its subject the speaker
        (
            "Ruiz, who identified himself as a captain, reportedly said the crew ignored the calls, the Courier reported. \"We were ordered to go,\" he said.",
            &[
                "Ruiz | said | indirect | the crew ignored the calls",
                "Ruiz | said | direct | We were ordered to go",
            ],
        ),
        (
            "\"We were warned,\" Tomas Ruiz, aboard the tug, is shown saying to the camera. The minister was heard saying the boats had left.",
            &[
                "Tomas Ruiz | saying | direct | We were warned",
                "The minister | saying | indirect | the boats had left",
            ],
        ),
        // a date after "on" between the speaker and the cue ("late on November 25", "on 25
        // May", "on Nov. 25") is skipped like a weekday
        (
            "Spokeswoman Ana Ruiz late on November 25 accused Peru of lying. Tomas Diaz on 25 May said the port was shut. Eva Sanz on Nov. 25 denied the report.",
            &[
                "Ana Ruiz | accused | indirect | Peru of lying",
                "Tomas Diaz | said | indirect | the port was shut",
                "Eva Sanz | denied | indirect | the report",
            ],
        ),
        // a passive physical cue whose agent is an armed force or a craft is a fight, not
        // speech; a person's attack in words stays one
        (
            "The navy says its boats were attacked by coastguard ships as they left port. The plan was attacked by Senator Ana Ruiz as reckless.",
            &[
                "The navy | says | indirect | its boats were attacked by coastguard ships as they left port",
                "Ana Ruiz | attacked | indirect | as reckless",
            ],
        ),
        // "called" an event convenes it; "called X a Y" characterises and stays a claim
        (
            "The premier called an emergency meeting of his cabinet. The envoy called the seizure a provocation.",
            &["The envoy | called | indirect | the seizure a provocation"],
        ),
        // the review's counter-cases: a day is no quoted person's name; a content opening
        // with "this" is content; an uncoded person who "reported" speaks; an attack in
        // words by a person whose phrase names a ship stays a claim
        (
            "Interfax quoted the spokesman Tuesday as saying the ship was seized. TASS quoted Ruiz as saying this was a provocation.",
            &[
                "the spokesman | quoted the spokesman Tuesday as saying | indirect | the ship was seized",
                "Ruiz | quoted Ruiz as saying | indirect | this was a provocation",
            ],
        ),
        (
            "Captain Ruiz reported that the crew had seen the drone. The order was slammed by the ship's captain as reckless.",
            &[
                "Captain Ruiz | reported | indirect | the crew had seen the drone",
                "the ship's captain | slammed | indirect | as reckless",
            ],
        ),
        // a time after "as saying" is no content; lower-case title words before the name
        // ("human rights commissioner") stay part of the quoted person's phrase
        (
            "The port is shut, the agency cited Peruvian human rights commissioner Ana Ruiz as saying on Monday.",
            &["Ana Ruiz | cited Peruvian human rights commissioner Ana Ruiz as saying | indirect | The port is shut"],
        ),
        // an attribution ending its paragraph with a colon introduces a block quotation,
        // up to a paragraph with a claim of its own
        (
            "The minister kept up the pressure on Lima, accusing it of inaction:\n\nNothing has been done. It has been a year.\n\nRuiz later said the talks would resume.",
            &[
                "The minister | accusing | indirect | it of inaction",
                "The minister | accusing | direct | Nothing has been done",
                "The minister | accusing | direct | It has been a year",
                "Ruiz | said | indirect | the talks would resume",
            ],
        ),
        // a participle cue of several words after a channel noun is the subject's too
        (
            "The Andean Council issued a joint statement calling on Lima to answer questions.",
            &["The Andean Council | calling on | indirect | answer questions"],
        ),
        // a role noun keeps its prepositional phrase: "a source in the … delegation"
        (
            "A source in the Peruvian delegation said the offer had gone to Quito.",
            &["A source in the Peruvian delegation | said | indirect | the offer had gone to Quito"],
        ),
        (
            "Witnesses in the port said the ship had sailed at dawn.",
            &["Witnesses in the port | said | indirect | the ship had sailed at dawn"],
        ),
        // a participle after a channel ("a post on its Twitter feed stating") is the subject's
        (
            "The Foreign Office has deleted a post on its Twitter feed stating that the talks had failed.",
            &["The Foreign Office | stating | indirect | the talks had failed"],
        ),
        // ... and so is one after a call ("told reporters on a call announcing …")
        (
            "\"The door to talks is open,\" the official told reporters on a call announcing the new sanctions on Ruritania.",
            &[
                "the official | told reporters | direct | The door to talks is open",
                "the official | announcing | indirect | the new sanctions on Ruritania",
            ],
        ),
        // an accusation verb right before "of" is a passive: its subject is the accused
        (
            "Talks ended in failure, with Moscow accused of backtracking.",
            &[],
        ),
        (
            "Moscow, accused of backtracking, said the talks would go on.",
            &["Moscow | said | indirect | the talks would go on"],
        ),
        // single-mark quotations, straight and curly; apostrophes inside stay words
        (
            "'We will not accept this,' the ministry's spokesman said. The rebels' positions were hit, a monitor said.",
            &[
                "the ministry's spokesman | said | direct | We will not accept this",
                "a monitor | said | indirect | The rebels' positions were hit",
            ],
        ),
        (
            "Jan Novak said the city was calm. ‘Step by step we are closer to a plan - I’m only talking about the city - that lets people return.’",
            &["Jan Novak | said | indirect | the city was calm", "Jan Novak | said | direct | Step by step we are closer to a plan - I’m only talking about the city - that lets people return"],
        ),
        // a lede names the speaker by title; the next paragraph names him
        (
            "Russia's defense minister said Monday that a deal was near.\n\nDefense Minister Sergei Shoigu said: \"We are nearing an arrangement.\"",
            &[
                "Sergei Shoigu | said | indirect | a deal was near",
                "Sergei Shoigu | said | direct | We are nearing an arrangement",
            ],
        ),
        // "told the UK Parliament.": the addressee is no content; the clause before is
        (
            "It is highly likely that Moscow was behind the attack, Prime Minister Jane Roe told the National Assembly.",
            &["Jane Roe | told | indirect | It is highly likely that Moscow was behind the attack"],
        ),
        // a scare-quoted word after "that" opens the clause, it is not the whole content
        (
            "General Ivan Petrov told a briefing that \"moderate\" groups had violated the truce 31 times.",
            &["Ivan Petrov | told | mixed | \"moderate\" groups had violated the truce 31 times"],
        ),
        // a dash parenthesis after an appositive: the name before the appositive speaks
        (
            "Ahmad Hassan, an activist in the southern province of Daraa — where the uprising began in 2011 — said the region was calm.",
            &["Ahmad Hassan | said | indirect | the region was calm"],
        ),
        // "The company that owns the vessel said": the subject before "that" speaks
        (
            "The company that owns the vessel said it was unclear what caused the blasts.",
            &["The company | said | indirect | it was unclear what caused the blasts"],
        ),
        // ... but an object relative keeps its own subject
        (
            "The attack came from Turkish territory, a fact that Russia said the US should explain.",
            &["Russia | said | indirect | the US should explain"],
        ),
        // ", which insists": the relative pronoun refers to the phrase before the comma
        (
            "The report is bound to be seized on by Moscow, which insists it had no part in the attack.",
            &["Moscow | insists | indirect | it had no part in the attack"],
        ),
        // a name after an organisation's possessive is a person: "he" refers back to it
        (
            "Foreign Minister Sergei Lavrov met Secretary of State John Kerry in Moscow.\n\nMost areas were calm, the UNHCR's Hans Meyer told reporters.\n\n\"No one was hurt overnight,\" he said.",
            &[
                "the UNHCR's Hans Meyer | told reporters | indirect | Most areas were calm",
                "the UNHCR's Hans Meyer | said | direct | No one was hurt overnight",
            ],
        ),
        // a government office capitalised, as British copy writes it, refers back as the
        // office in lower case does; a capitalised body ("the Foreign Ministry") is a name
        (
            "Foreign Secretary Jane Roe said the seizure was unlawful.\n\nThe Foreign Secretary, speaking after a meeting of ministers, said the ferry was in Danish waters.",
            &[
                "Jane Roe | said | indirect | the seizure was unlawful",
                "Jane Roe | said | indirect | the ferry was in Danish waters",
            ],
        ),
        // a person introduced by office, then by name in the next sentence, keeps the office's
        // side (checked with codes in `speaker_side_table`)
        (
            "The Danish special envoy for the Arctic says the talks will go on.\n\nJane Roe told reporters on Wednesday that the ferry was turning back.",
            &[
                "The Danish special envoy for the Arctic | says | indirect | the talks will go on",
                "Jane Roe | told reporters | indirect | the ferry was turning back",
            ],
        ),
        // a participle after the verb phrase takes the sentence's subject, never the noun after it
        (
            "But Moscow hit back, claiming the statement was part of a campaign.",
            &["Moscow | claiming | indirect | the statement was part of a campaign"],
        ),
        // a place in "-ing" before "on" keeps its subject; "that," before a preposition in
        // "-ing" is the conjunction; a month and its day after "late on" are one day
        (
            "Beijing on Monday summoned the envoy, calling the flight a violation of its airspace.",
            &["Beijing | calling | indirect | the flight a violation of its airspace"],
        ),
        (
            "The ministry said that, during the talks, the envoy had agreed to the plan.",
            &["The ministry | said | indirect | during the talks, the envoy had agreed to the plan"],
        ),
        (
            "The port authority said late on May 25 that the channel would reopen.",
            &["The port authority | said | indirect | the channel would reopen"],
        ),
        // "denied that," with the pronoun: the participle after it speaks for itself
        (
            "The ministry has strongly denied that, saying the trawler was in neutral waters.",
            &["The ministry | saying | indirect | the trawler was in neutral waters"],
        ),
        // "reported that … quoted as saying" is a report of a report: the outlet speaks; a
        // possessive before a surname still reads the full name; "her" quoted as saying is
        // the woman named before; "by insisting" takes the clause's subject
        (
            "Local media reported that the minister was quoted as saying the port was shut.",
            &["Local media | reported | indirect | the minister was quoted as saying the port was shut"],
        ),
        (
            "Fisheries Minister Jan Roe visited the port. Kenya's Roe added that the fleet would sail.",
            &["Jan Roe | added | indirect | the fleet would sail"],
        ),
        (
            "Port chief Ana Ruiz arrived on Monday. \"The channel is open,\" the agency quoted her as saying.",
            &["Ana Ruiz | quoted her as saying | direct | The channel is open"],
        ),
        (
            "The ministry responded by insisting the channel was open.",
            &["The ministry | insisting | indirect | the channel was open"],
        ),
        // a date before a surname is the sentence's time, not part of the name; a given
        // name that is also a month's stays
        (
            "On June 13 Roe said the boats were ready. On 14 June Diaz said the road was open.",
            &[
                "Roe | said | indirect | the boats were ready",
                "Diaz | said | indirect | the road was open",
            ],
        ),
        (
            "June Carter said the boats were ready.",
            &["June Carter | said | indirect | the boats were ready"],
        ),
        // "reported X as saying" reports X's words, as "quoted X as saying" does
        (
            "Local media reported port officials as saying that the channel would reopen.",
            &["port officials | reported port officials as saying | indirect | the channel would reopen"],
        ),
        // a date set off by commas after the day of the cue is no part of the content
        (
            "The port authority said late Tuesday, March 13, that the channel would reopen.",
            &["The port authority | said | indirect | the channel would reopen"],
        ),
        // an object pronoun quoted "as saying" is resolved as its subject form; a participle
        // after a noun of evidence ("presented information confirming") is the subject's
        (
            "Defence Minister Jan Roe visited the base on Friday.\n\n\"We will stop the strikes,\" the television network quoted him as saying.",
            &["Jan Roe | quoted him as saying | direct | We will stop the strikes"],
        ),
        (
            "Colonel Jan Roe presented information confirming the role of the militia in the raid.",
            &["Jan Roe | confirming | indirect | the role of the militia in the raid"],
        ),
        // a role noun of work (commentator, investigator, prosecutor) takes its preposition
        // inside the speaker phrase
        (
            "\"They are using the media against us,\" a defence commentator at the state news agency said in a statement.",
            &["a defence commentator at the state news agency | said in a statement | direct | They are using the media against us"],
        ),
        (
            "Investigators from the safety board said the hull had cracked.",
            &["Investigators from the safety board | said | indirect | the hull had cracked"],
        ),
        // two name words are a whole name, and a country's one-word name its own: neither is
        // a partial name of an earlier speaker that ends with the same word
        (
            "South Sudan accused Sudan of shelling the port.\n\nSudan warned that any reprisal would be answered. North Korea said the talks were over.\n\nSouth Korea said the border stays shut. Sudan said the pipeline was intact.",
            &[
                "South Sudan | accused | indirect | Sudan of shelling the port",
                "Sudan | warned | indirect | any reprisal would be answered",
                "North Korea | said | indirect | the talks were over",
                "South Korea | said | indirect | the border stays shut",
                "Sudan | said | indirect | the pipeline was intact",
            ],
        ),
        // a participle straight after the clause's verb or after "than"/"by" takes the
        // sentence's subject; so does a cue after an opening participle and its object
        (
            "The defence ministry quickly reacted claiming the footage was staged.",
            &["The defence ministry | claiming | indirect | the footage was staged"],
        ),
        (
            "Vice Foreign Minister Jan Roe refused to comment further Thursday other than reiterating long-standing comments on the need for calm.",
            &["Jan Roe | reiterating | indirect | long-standing comments on the need for calm"],
        ),
        (
            "Addressing the nation, Roe called the raid a provocation, warning the army would respond.",
            &["Roe | warning | indirect | the army would respond"],
        ),
        // an opening participle and its preposition, or an adverb and its comma, is no subject
        (
            "Reacting to the sanctions, Norway last month vowed to close its ports.",
            &["Norway | vowed | indirect | close its ports"],
        ),
        (
            "Recently, Oslo sent two frigates to the area, citing an unnamed threat.",
            &["Oslo | citing | indirect | an unnamed threat"],
        ),
        // the passive "was quoted by X as saying": the subject is the speaker, and the later
        // "the official said" refers back to it
        (
            "A U.S. official was quoted by Reuters as saying that the leaders made progress. They want another meeting, the official said.",
            &[
                "A U.S. official | quoted by Reuters as saying | indirect | the leaders made progress",
                "A U.S. official | said | indirect | They want another meeting",
            ],
        ),
        // "That's according to X" sources the sentence before
        (
            "The ceasefire collapsed overnight in two provinces. That's according to a senior administration official who spoke on condition of anonymity.",
            &["a senior administration official | according to | indirect | The ceasefire collapsed overnight in two provinces"],
        ),
        // "This was stated by X" sources the sentence before; a passive source phrase with a
        // subject of its own sources nothing
        (
            "The port has received no request for inspection.\n\nThis was stated by the harbour master Ana Ruiz, the Diario portal reports.",
            &["the harbour master Ana Ruiz | was stated by | indirect | The port has received no request for inspection"],
        ),
        (
            "The strike was reported by local radio.",
            &[],
        ),
        // "was said by X to have": a passive of speech with a subject of its own stays a claim
        (
            "The harbour master was said by Chilean officials to have raised objections to the closure.",
            &["Chilean officials | said | indirect | raised objections to the closure"],
        ),
        // a page that lost a quotation's opening mark: the quotation opened with the paragraph
        (
            "The mayor spoke on Tuesday.\n\nWe are taking part in the inquiry. It was not our missile,\" Ruiz said.",
            &["Ruiz | said | direct | We are taking part in the inquiry. It was not our missile"],
        ),
        // quote-first
        (
            "\"We are close to an agreement,\" Lavrov said.",
            &["Lavrov | said | direct | We are close to an agreement"],
        ),
        (
            "“We are close to an agreement,” said Lavrov, Russia's foreign minister.",
            &["Lavrov | said | direct | We are close to an agreement"],
        ),
        (
            "\"The ball is in Washington's court,\" Sergei Lavrov, Russia's foreign minister, told reporters.",
            &["Sergei Lavrov | told reporters | direct | The ball is in Washington's court"],
        ),
        (
            "\"Is this a ceasefire or a pause?\" asked the Syrian envoy.",
            &["the Syrian envoy | asked | direct | Is this a ceasefire or a pause?"],
        ),
        (
            "\"No decision has been taken,\" the Kremlin said on Monday.",
            &["the Kremlin | said | direct | No decision has been taken"],
        ),
        // speaker-first
        (
            "Lavrov said: \"The United States must separate the moderates from the terrorists.\"",
            &["Lavrov | said | direct | The United States must separate the moderates from the terrorists"],
        ),
        (
            "Kerry said that the two sides had narrowed their differences.",
            &["Kerry | said | indirect | the two sides had narrowed their differences"],
        ),
        (
            "Kerry said the two sides had narrowed their differences.",
            &["Kerry | said | indirect | the two sides had narrowed their differences"],
        ),
        (
            "Lavrov said, however, that Moscow would not abandon Assad.",
            &["Lavrov | said | indirect | Moscow would not abandon Assad"],
        ),
        (
            "Russian Foreign Minister Sergei Lavrov said Monday that talks would resume in Geneva.",
            &["Sergei Lavrov | said | indirect | talks would resume in Geneva"],
        ),
        (
            "Churkin told the Security Council that the convoy had not been hit from the air.",
            &["Churkin | told the Security Council | indirect | the convoy had not been hit from the air"],
        ),
        // mixed
        (
            "A U.S. official said that \"no agreement is close.\"",
            &["A U.S. official | said | mixed | no agreement is close"],
        ),
        (
            "Kerry said the truce was \"the last chance\" to save Aleppo.",
            &["Kerry | said | mixed | the truce was \"the last chance\" to save Aleppo"],
        ),
        // content before the attribution
        (
            "The talks will resume next week, Lavrov said.",
            &["Lavrov | said | indirect | The talks will resume next week"],
        ),
        (
            "The convoy was struck by aircraft, U.S. officials said Tuesday.",
            &["U.S. officials | said | indirect | The convoy was struck by aircraft"],
        ),
        // he added / coreference
        (
            "Defense Minister Sergei Shoigu said the talks were going well. He added that experts met daily.",
            &[
                "Sergei Shoigu | said | indirect | the talks were going well",
                "Sergei Shoigu | added | indirect | experts met daily",
            ],
        ),
        (
            "State Department spokeswoman Elizabeth Trudeau said no deal was ready. She added that talks continued.",
            &[
                "Elizabeth Trudeau | said | indirect | no deal was ready",
                "Elizabeth Trudeau | added | indirect | talks continued",
            ],
        ),
        (
            "Sergei Lavrov, Russia's foreign minister, said Moscow was ready. The minister said a deal was possible.",
            &[
                "Sergei Lavrov | said | indirect | Moscow was ready",
                "Sergei Lavrov | said | indirect | a deal was possible",
            ],
        ),
        (
            "A U.S. official said gaps remained. The official said the monitoring issue was unresolved.",
            &[
                "A U.S. official | said | indirect | gaps remained",
                "A U.S. official | said | indirect | the monitoring issue was unresolved",
            ],
        ),
        (
            "State Department spokeswoman Elizabeth Trudeau spoke after Kerry left. The spokeswoman said nothing was agreed.",
            &["Elizabeth Trudeau | said | indirect | nothing was agreed"],
        ),
        (
            "Kerry met Lavrov in Geneva. Lavrov said Russia was ready. Kerry said the United States was not. He said more work was needed.",
            &[
                "Lavrov | said | indirect | Russia was ready",
                "Kerry | said | indirect | the United States was not",
                "Kerry | said | indirect | more work was needed",
            ],
        ),
        (
            "The rescued pilot said the jets gave no warning. \"There was no contact at all,\" he told reporters.",
            &[
                "The rescued pilot | said | indirect | the jets gave no warning",
                "The rescued pilot | told reporters | direct | There was no contact at all",
            ],
        ),
        (
            "Mr. Lavrov spoke first. \"We will not be lectured,\" he said.",
            &["Lavrov | said | direct | We will not be lectured"],
        ),
        (
            "Ms. Zakharova rejected the report. \"It is a fabrication,\" she said.",
            &[
                "Zakharova | rejected | indirect | the report",
                "Zakharova | said | direct | It is a fabrication",
            ],
        ),
        (
            "Russian officials said the strike hit a weapons depot. They said no civilians were hurt.",
            &[
                "Russian officials | said | indirect | the strike hit a weapons depot",
                "Russian officials | said | indirect | no civilians were hurt",
            ],
        ),
        (
            "The Foreign Ministry said the accusations were baseless. It said Moscow would respond.",
            &[
                "The Foreign Ministry | said | indirect | the accusations were baseless",
                "The Foreign Ministry | said | indirect | Moscow would respond",
            ],
        ),
        (
            "Shoigu did not say when a deal could be announced.",
            &["Shoigu | say | indirect | when a deal could be announced"],
        ),
        // anonymous officials
        (
            "A U.S. official, speaking on condition of anonymity, said the plan was dead.",
            &["A U.S. official | said | indirect | the plan was dead"],
        ),
        (
            "A senior administration official, who was not authorized to speak publicly, said Russia had not delivered.",
            &["A senior administration official | said | indirect | Russia had not delivered"],
        ),
        (
            "Diplomats familiar with the talks said the text was almost final.",
            &["Diplomats familiar with the talks | said | indirect | the text was almost final"],
        ),
        (
            "Western diplomats said the vote would be delayed.",
            &["Western diplomats | said | indirect | the vote would be delayed"],
        ),
        // titles and appositives
        (
            "Russia's defense minister Sergei Shoigu said the joint center would open soon.",
            &["Sergei Shoigu | said | indirect | the joint center would open soon"],
        ),
        (
            "U.N. envoy Staffan de Mistura said aid trucks were waiting at the border.",
            &["Staffan de Mistura | said | indirect | aid trucks were waiting at the border"],
        ),
        (
            "Maj. Gen. Igor Konashenkov, the ministry spokesman, said the drones saw no trucks.",
            &["Igor Konashenkov | said | indirect | the drones saw no trucks"],
        ),
        (
            "Syria's U.N. ambassador, Bashar Jaafari, told reporters the government welcomed the truce.",
            &["Bashar Jaafari | told reporters | indirect | the government welcomed the truce"],
        ),
        (
            "The Deputy Speaker of the Valdoran Senate, Marek Zielny, said the inquiry would be open.",
            &["Marek Zielny | said | indirect | the inquiry would be open"],
        ),
        (
            "The deputy speaker of the Valdoran Senate, Marek Zielny, said the inquiry would be open.",
            &["Marek Zielny | said | indirect | the inquiry would be open"],
        ),
        // the body after "of" ends on a body's word ("organisation", "agency"): the role before it
        (
            "The head of the Valdoran civil aviation organisation, Marek Zielny, said the inquiry would be open.",
            &["Marek Zielny | said | indirect | the inquiry would be open"],
        ),
        (
            "The chief of Valdora's space agency, Marek Zielny, said the inquiry would be open.",
            &["Marek Zielny | said | indirect | the inquiry would be open"],
        ),
        // a lower-case title whose portfolio runs over "of" and "for" before the name
        (
            "Valdora's minister of state for foreign affairs, Marek Zielny, said the inquiry would be open.",
            &["Marek Zielny | said | indirect | the inquiry would be open"],
        ),
        (
            "The secretary-general of the Organization of Coastal States, Marek Zielny, said the inquiry would be open.",
            &["Marek Zielny | said | indirect | the inquiry would be open"],
        ),
        // a title ending in a lower-case portfolio before the name
        (
            "Undersecretary-General for political affairs Ana Ruiz told the council that the strikes must stop.",
            &["Ana Ruiz | told | indirect | the strikes must stop"],
        ),
        (
            "A spokesman for the Kremlin said Putin had no plans to meet Obama.",
            &["A spokesman for the Kremlin | said | indirect | Putin had no plans to meet Obama"],
        ),
        // an unnamed source's terms after the cue, or an outlet named by its kind, are a trailer:
        // the content is the clause before the speaker
        (
            "The trawler was boarded by the navy, two port officials said on condition of anonymity.",
            &["two port officials | said | indirect | The trawler was boarded by the navy"],
        ),
        (
            "The talks will resume in Lima, a negotiator told the newspaper on Friday.",
            &["a negotiator | told | indirect | The talks will resume in Lima"],
        ),
        (
            "Lima lodged a protest, a foreign ministry spokeswoman told a daily briefing.",
            &["a foreign ministry spokeswoman | told | indirect | Lima lodged a protest"],
        ),
        // a reply verb whose words after it are the sentence's own attribution is no cue: the
        // attribution's speaker says the clause before it
        (
            "Quito has not responded, two diplomats said.",
            &["two diplomats | said | indirect | Quito has not responded"],
        ),
        (
            "The harbour board has not answered, the agency reported on Monday.",
            &["the agency | reported | indirect | The harbour board has not answered"],
        ),
        (
            "The crew will be freed, a port spokesman told the official Xinhua news agency.",
            &["a port spokesman | told | indirect | The crew will be freed"],
        ),
        (
            "The strike is over, the mayor told the state-run Andina news agency on Monday.",
            &["the mayor | told | indirect | The strike is over"],
        ),
        (
            "The blockade will not be lifted, the president told reporters before leaving for Quito.",
            &["the president | told reporters | indirect | The blockade will not be lifted"],
        ),
        // an occasion after the cue runs to the content's "that", whatever describes it
        (
            "Admiral Rui Costa, a senior navy officer, said in comments broadcast by state radio that Lisbon had sent two frigates to the strait.",
            &["Rui Costa | said | indirect | Lisbon had sent two frigates to the strait"],
        ),
        (
            "The fisheries minister said in an interview published on Sunday that the harbour would reopen.",
            &["The fisheries minister | said in an interview | indirect | the harbour would reopen"],
        ),
        // a time phrase between the cue and "that" is the claim's time, not its content
        (
            "A guerrilla commander admitted this week that his men had the launcher.",
            &["A guerrilla commander | admitted | indirect | his men had the launcher"],
        ),
        (
            "The harbour master said two weeks ago that the channel was closed.",
            &["The harbour master | said | indirect | the channel was closed"],
        ),
        // an aside opened by a preposition between commas runs to the content's "that"
        (
            "The navy said, without giving any evidence, that the trawler had entered the reserve.",
            &["The navy | said | indirect | the trawler had entered the reserve"],
        ),
        // ... but a day is no occasion: the content is the bare clause after it, and a
        // determiner after a day or a name opens it
        (
            "The envoy said on Wednesday the Chilean government believed that Peru was responsible.",
            &["The envoy | said | indirect | the Chilean government believed that Peru was responsible"],
        ),
        (
            "The minister said on Monday a deal on the quotas was near.",
            &["The minister | said | indirect | a deal on the quotas was near"],
        ),
        (
            "The spokesman said at the United Nations the plan was dead.",
            &["The spokesman | said | indirect | the plan was dead"],
        ),
        (
            "The port authority said on Tuesday it was \"absurd\" to blame the pilots.",
            &["The port authority | said | mixed | it was \"absurd\" to blame the pilots"],
        ),
        // a rejected claim named in an apposition: the party after the noun rejects, and the
        // apposition belongs to neither content
        (
            "Quito said its coast guard sank two smuggling boats, an account Lima rejected.",
            &[
                "Lima | rejected | indirect | Quito said its coast guard sank two smuggling boats",
                "Quito | said | indirect | its coast guard sank two smuggling boats",
            ],
        ),
        (
            "Quito said its coast guard sank two smuggling boats, a claim that Lima rejected.",
            &[
                "Lima | rejected | indirect | Quito said its coast guard sank two smuggling boats",
                "Quito | said | indirect | its coast guard sank two smuggling boats",
            ],
        ),
        // a rejected or charged thing ends where a new clause is joined on
        (
            "Lima has denied any role, and on Monday its envoy called the charges \"absurd\".",
            &[
                "Lima | denied | indirect | any role",
                "its envoy | called | mixed | the charges \"absurd\"",
            ],
        ),
        (
            "Quito accused Lima of spying on its navy, but offered no evidence.",
            &["Quito | accused | indirect | Lima of spying on its navy"],
        ),
        // ... or where the sentence's own verb of saying follows the participle's object
        (
            "The committee on Tuesday, rejecting the claim of a raid on the port, said the strike was an act of aggression.",
            &[
                "The committee | rejecting | indirect | the claim of a raid on the port",
                "The committee | said | indirect | the strike was an act of aggression",
            ],
        ),
        // a day after the name, before a participle's aside, is no part of the name
        (
            "The committee on Tuesday, speaking in Lima, said the strike was an act of aggression.",
            &["The committee | said | indirect | the strike was an act of aggression"],
        ),
        (
            "Quito said its coast guard sank two boats, a claim the fishermen denied.",
            &[
                "the fishermen | denied | indirect | Quito said its coast guard sank two boats",
                "Quito | said | indirect | its coast guard sank two boats",
            ],
        ),
        // a body's name and the place it sits in, after the content
        (
            "The trawlers had crossed the line, the Border Service in Murmansk said on Sunday.",
            &["the Border Service in Murmansk | said | indirect | The trawlers had crossed the line"],
        ),
        (
            "The trawlers had crossed the line, the coast guard in Tromso said.",
            &["the coast guard in Tromso | said | indirect | The trawlers had crossed the line"],
        ),
        // a time of day before a day is part of the circumstance, on either side of the cue;
        // "early" before anything else is the content's
        (
            "The port authority said late on Thursday that the channel would reopen.",
            &["The port authority | said | indirect | the channel would reopen"],
        ),
        (
            "The port authority late on Thursday said the channel would reopen.",
            &["The port authority | said | indirect | the channel would reopen"],
        ),
        // a month and its day after the time of day are one day
        (
            "The port authority said late on November 25 that the channel would reopen.",
            &["The port authority | said | indirect | the channel would reopen"],
        ),
        (
            "The port authority said early on 25 November the channel would reopen.",
            &["The port authority | said | indirect | the channel would reopen"],
        ),
        (
            "Peru's fisheries minister agreed early on Saturday on a plan to share the catch.",
            &["Peru's fisheries minister | agreed | indirect | a plan to share the catch"],
        ),
        (
            "The electoral board said early elections would be held.",
            &["The electoral board | said | indirect | early elections would be held"],
        ),
        (
            "The late admiral said the channel would reopen.",
            &["The late admiral | said | indirect | the channel would reopen"],
        ),
        // a death toll taken is no claim: "claimed" with lives as its object
        (
            "The landslide claimed at least 40 lives, the governor said.",
            &["the governor | said | indirect | The landslide claimed at least 40 lives"],
        ),
        ("The fire claimed the lives of two firemen.", &[]),
        (
            "The union claimed the lives of its members were at risk.",
            &["The union | claimed | indirect | the lives of its members were at risk"],
        ),
        (
            "The rebels claimed 20 soldiers had been killed.",
            &["The rebels | claimed | indirect | 20 soldiers had been killed"],
        ),
        // a physical attack is no verbal one: armed forces fight, a second verb is their act
        (
            "Rebel fighters attacked the convoy near the pass, the ministry said on Friday.",
            &["the ministry | said | indirect | Rebel fighters attacked the convoy near the pass"],
        ),
        (
            "Border guards crossed the river and attacked a fishing camp, officials said.",
            &["officials | said | indirect | Border guards crossed the river and attacked a fishing camp"],
        ),
        (
            "The senator attacked the harbour plan as a giveaway.",
            &["The senator | attacked | indirect | the harbour plan as a giveaway"],
        ),
        // a family name written first is the word a later mention keeps
        (
            "Port spokesman Wang Lei said the channel was open. Wang said the boats had left.",
            &[
                "Wang Lei | said | indirect | the channel was open",
                "Wang Lei | said | indirect | the boats had left",
            ],
        ),
        // a possessive addressee after "told"; "according to" sourcing that attribution adds
        // no claim; a statement's issuer speaks
        (
            "The channel will stay shut, the mayor told his council, according to a statement from his office.",
            &["the mayor | told | indirect | The channel will stay shut"],
        ),
        (
            "The mayor told his council the channel would stay shut.",
            &["The mayor | told | indirect | the channel would stay shut"],
        ),
        (
            "According to a statement from the harbour board, the channel will stay shut.",
            &["the harbour board | According to | indirect | the channel will stay shut"],
        ),
        // "as per" sources like "according to" (South Asian English), at the sentence's start too
        (
            "As per the harbour board's statement, the two mayors agreed that the channel would stay shut.",
            &["the harbour board's statement | As per | indirect | the two mayors agreed that the channel would stay shut"],
        ),
        // "as per" an agreement is a manner, not a source
        (
            "Neither side would escalate, as per bilateral agreements and protocols.",
            &[],
        ),
        // a weak cue straight before "of" is the noun: no claim of "two member"
        (
            "The seizure of a ferry sailing between two member states of the union is an affront to the law.",
            &[],
        ),
        // an open question is no position
        (
            "The harbour master declined to say whether the channel would reopen.",
            &[],
        ),
        (
            "He did not say whether any boats had been seized.",
            &[],
        ),
        // a participle after a preposition is an adjective, no cue
        (
            "Fishermen said the harbour had come under repeated fire since May.",
            &["Fishermen | said | indirect | the harbour had come under repeated fire since May"],
        ),
        // ... and so is one after an auxiliary and a past participle
        (
            "Fishermen said the trawler had ignored repeated warnings.",
            &["Fishermen | said | indirect | the trawler had ignored repeated warnings"],
        ),
        (
            "A coastguard cutter fired warning shots at the trawler, the ministry said.",
            &["the ministry | said | indirect | A coastguard cutter fired warning shots at the trawler"],
        ),
        // a relative clause or an appositive (with a parenthesis) between a plain subject and
        // its cue
        (
            "The border service, which is part of the security committee (SC), said the patrol was attacked.",
            &["The border service | said | indirect | the patrol was attacked"],
        ),
        (
            "Talks failed. The port authority, part of the transport ministry, said the ship had left.",
            &["The port authority | said | indirect | the ship had left"],
        ),
        // a past participle after a determiner (and an adverb) is an adjective of the speaker
        (
            "A shell hit the harbour, the internationally recognised government said.",
            &["the internationally recognised government | said | indirect | A shell hit the harbour"],
        ),
        (
            "\"We will reopen the port,\" the newly elected mayor told reporters.",
            &["the newly elected mayor | told reporters | direct | We will reopen the port"],
        ),
        // an apposition after the trailer describes the event reported before the attribution
        (
            "Gunmen stormed the harbour office, the port authority said on Monday, the third raid this year.",
            &["the port authority | said | indirect | Gunmen stormed the harbour office"],
        ),
        (
            "Earlier, the mayor said on Monday, the harbour would reopen.",
            &["the mayor | said | indirect | the harbour would reopen"],
        ),
        // the reporter's relation to another party's claim is not the content
        (
            "The harbour board said the closure was not planned, contradicting the fishermen.",
            &["The harbour board | said | indirect | the closure was not planned"],
        ),
        (
            "The harbour board said the closure was planned, reversing earlier statements that it was an accident.",
            &["The harbour board | said | indirect | the closure was planned"],
        ),
        (
            "The harbour board said the closure, contrary to reports, was temporary.",
            &["The harbour board | said | indirect | the closure, contrary to reports, was temporary"],
        ),
        // a contrast the next claim opens is not part of the first
        (
            "Fishermen said the patrol fired without warning, while the navy said the boat had ignored three calls.",
            &[
                "Fishermen | said | indirect | the patrol fired without warning",
                "the navy | said | indirect | the boat had ignored three calls",
            ],
        ),
        // so is a subordinate clause the next claim opens
        (
            "Fishermen said the patrol fired without warning, even though the navy said the boat had ignored three calls.",
            &[
                "Fishermen | said | indirect | the patrol fired without warning",
                "the navy | said | indirect | the boat had ignored three calls",
            ],
        ),
        (
            "The harbour master told a reporter the channel was clear.",
            &["The harbour master | told | indirect | the channel was clear"],
        ),
        (
            "The harbour master told the newspaper the channel was clear.",
            &["The harbour master | told | indirect | the channel was clear"],
        ),
        (
            "The fisheries minister told the broadcaster the quota would not change.",
            &["The fisheries minister | told | indirect | the quota would not change"],
        ),
        // "at least"/"at most" after the cue opens the content's figure, not a circumstance
        (
            "Border officials said at least 40 fishing boats were seized.",
            &["Border officials | said | indirect | at least 40 fishing boats were seized"],
        ),
        (
            "The coast guard said at most three crew members were hurt.",
            &["The coast guard | said | indirect | at most three crew members were hurt"],
        ),
        // according to
        (
            "At least 20 people were killed, according to the Syrian Observatory for Human Rights.",
            &["the Syrian Observatory for Human Rights | according to | indirect | At least 20 people were killed"],
        ),
        (
            "According to Russian officials, the rebels violated the truce 60 times.",
            &["Russian officials | According to | indirect | the rebels violated the truce 60 times"],
        ),
        // a press report's trailing source is the claim's speaker; another body's report
        // keeps its claim
        (
            "The Daily Courier reported that the navy fired first, according to two port officials.",
            &["two port officials | according to | indirect | the navy fired first"],
        ),
        (
            "The ministry reported that five sailors died, according to state radio.",
            &["The ministry | reported | indirect | five sailors died"],
        ),
        // content cut before a later attribution leaves no conjunction hanging
        (
            "The airline on Saturday denied the plane veered off course after a navy statement said it flew near a base.",
            &[
                "The airline | denied | indirect | the plane veered off course",
                "a navy statement | said | indirect | it flew near a base",
            ],
        ),
        // a source phrase whose content is an attribution of its own is the channel only
        (
            "According to the Diario portal, the deputy speaker, Ana Ruiz, said that the inquiry would be open.",
            &["Ana Ruiz | said | indirect | the inquiry would be open"],
        ),
        (
            "The meeting lasted five hours according to a Turkish diplomat.",
            &["a Turkish diplomat | according to | indirect | The meeting lasted five hours"],
        ),
        // a role noun with a word of its own refers back only to a body with that word
        (
            "Peru's defence ministry said the frigate had left. The foreign ministry said the port would reopen.",
            &[
                "Peru's defence ministry | said | indirect | the frigate had left",
                "The foreign ministry | said | indirect | the port would reopen",
            ],
        ),
        // a person's name before "of" and the body he serves in: the person speaks
        (
            "Colonel Ana Ruiz of the Peruvian Joint Command said the frigate had left.",
            &["Ana Ruiz | said | indirect | the frigate had left"],
        ),
        (
            "The Ministry of Fisheries said the frigate had left.",
            &["The Ministry of Fisheries | said | indirect | the frigate had left"],
        ),
        // another party's claim judged by the source "according to" names
        (
            "Lima's claim that the trawler ignored warnings was untrue, according to the coast guard.",
            &["the coast guard | according to | indirect | Lima's claim that the trawler ignored warnings was untrue"],
        ),
        // in a statement, in remarks carried by
        (
            "The ministry said in a statement that the convoy had been shelled.",
            &["The ministry | said in a statement | indirect | the convoy had been shelled"],
        ),
        (
            "Lavrov said in remarks carried by state television that the U.S. was stalling.",
            &["Lavrov | said in remarks carried by | indirect | the U.S. was stalling"],
        ),
        (
            "In a statement, the State Department said it was reviewing the proposal.",
            &["the State Department | said | indirect | it was reviewing the proposal"],
        ),
        (
            "Interfax quoted Lavrov as saying the talks would continue.",
            &["Lavrov | quoted Lavrov as saying | indirect | the talks would continue"],
        ),
        (
            "RIA Novosti cited a diplomatic source as saying that the draft was ready.",
            &["a diplomatic source | cited a diplomatic source as saying | indirect | the draft was ready"],
        ),
        // denials and accusations
        (
            "Russia denied that its warplanes struck the convoy.",
            &["Russia | denied | indirect | its warplanes struck the convoy"],
        ),
        (
            "The Kremlin dismissed the accusations as groundless.",
            &["The Kremlin | dismissed | indirect | the accusations as groundless"],
        ),
        (
            "Moscow rejected claims that it had bombed hospitals.",
            &["Moscow | rejected | indirect | claims that it had bombed hospitals"],
        ),
        (
            "Washington accused Moscow of violating the truce.",
            &["Washington | accused | indirect | Moscow of violating the truce"],
        ),
        (
            "Turkey's foreign minister warned that the offensive could trigger a new refugee wave.",
            &["Turkey's foreign minister | warned | indirect | the offensive could trigger a new refugee wave"],
        ),
        (
            "Kerry insisted the deal was not built on trust.",
            &["Kerry | insisted | indirect | the deal was not built on trust"],
        ),
        // multi-sentence quotes and quote paragraphs
        (
            "\"We are ready,\" Lavrov said. \"The Americans must now deliver.\"",
            &[
                "Lavrov | said | direct | We are ready",
                "Lavrov | said | direct | The Americans must now deliver",
            ],
        ),
        (
            "Lavrov said: \"We are ready. The Americans must now deliver.\"",
            &["Lavrov | said | direct | We are ready. The Americans must now deliver"],
        ),
        (
            "Kerry said the deal was fragile.\n\n\"It could fall apart at any moment.\"",
            &[
                "Kerry | said | indirect | the deal was fragile",
                "Kerry | said | direct | It could fall apart at any moment",
            ],
        ),
        (
            "Churkin told reporters: \"We did everything we could.\n\n\"Now it is up to them.\"",
            &[
                "Churkin | told reporters | direct | We did everything we could",
                "Churkin | told reporters | direct | Now it is up to them",
            ],
        ),
        (
            "\"The truce is holding,\" the official said, \"but it is very fragile.\"",
            &[
                "the official | said | direct | The truce is holding",
                "the official | said | direct | but it is very fragile",
            ],
        ),
        // a focus word after the cue's circumstance opens the content; "only that" does not
        (
            "Peru's defence minister said on Friday only Ecuadorean jets were flying near the port.",
            &["Peru's defence minister | said | indirect | only Ecuadorean jets were flying near the port"],
        ),
        (
            "The minister said only that the talks would go on.",
            &["The minister | said | indirect | the talks would go on"],
        ),
        // a name or demonym right after the day opens the content (its subject): a denial
        // must keep its negator
        (
            "Ecuador's president said on Saturday Ecuador has not sent fighters to the region.",
            &["Ecuador's president | said | indirect | Ecuador has not sent fighters to the region"],
        ),
        (
            "The ministry said on Monday Peruvian forces had shelled the post.",
            &["The ministry | said | indirect | Peruvian forces had shelled the post"],
        ),
        (
            "The ministry said on Monday in Quito that the post was shelled.",
            &["The ministry | said | indirect | the post was shelled"],
        ),
        // a focus word before a possessive still opens the content
        (
            "Peru's defence minister said on Friday only its own jets were flying near the port.",
            &["Peru's defence minister | said | indirect | only its own jets were flying near the port"],
        ),
        // told reporters, other cues
        (
            "Kerry told reporters in Washington that the proposal was still on the table.",
            &["Kerry | told reporters | indirect | the proposal was still on the table"],
        ),
        (
            "Lavrov told reporters the Americans were dragging their feet.",
            &["Lavrov | told reporters | indirect | the Americans were dragging their feet"],
        ),
        (
            "Mogherini stressed that only a political solution could end the war.",
            &["Mogherini | stressed | indirect | only a political solution could end the war"],
        ),
        (
            "Jaafari noted that the government had opened two corridors.",
            &["Jaafari | noted | indirect | the government had opened two corridors"],
        ),
        (
            "Erdogan claimed the Kurdish militia was a terrorist group.",
            &["Erdogan | claimed | indirect | the Kurdish militia was a terrorist group"],
        ),
        (
            "Lavrov believes that the Americans cannot control the rebels.",
            &["Lavrov | believes | indirect | the Americans cannot control the rebels"],
        ),
        // seeking to do a thing is an attempt, not a statement: the sentence's claim is the
        // trailing cue's
        (
            "The premier sought to use the clash to win votes, Lopez believes.",
            &["Lopez | believes | indirect | The premier sought to use the clash to win votes"],
        ),
        (
            "Putin's spokesman Dmitry Peskov says the Kremlin has no comment.",
            &["Dmitry Peskov | says | indirect | the Kremlin has no comment"],
        ),
        (
            "The Pentagon, however, said it had seen no evidence of a pullout.",
            &["The Pentagon | said | indirect | it had seen no evidence of a pullout"],
        ),
        (
            "Asked about the convoy, Lavrov said the investigation should be impartial.",
            &["Lavrov | said | indirect | the investigation should be impartial"],
        ),
        (
            "Kerry praised the deal and said it could save lives.",
            &[
                "Kerry | praised | indirect | the deal",
                "Kerry | said | indirect | it could save lives",
            ],
        ),
        (
            "Prime Minister Theresa May toured the port. The PM said the ships would stay.",
            &["Theresa May | said | indirect | the ships would stay"],
        ),
        (
            "The Chilean government has in addition said it will recall its envoy.",
            &["The Chilean government | said | indirect | it will recall its envoy"],
        ),
        (
            "Lima has in the last days also accused Quito of hiding the ship.",
            &["Lima | accused | indirect | Quito of hiding the ship"],
        ),
        (
            "Quito said at a routine news conference on Monday, \"The port is open.\"",
            &["Quito | said | direct | The port is open"],
        ),
        (
            "Monitors at talks in Geneva said the plan was ready.",
            &["Monitors | said | indirect | the plan was ready"],
        ),
        (
            "Peru issued a travel advisory urging its citizens to leave the port.",
            &["Peru | urging | indirect | its citizens to leave the port"],
        ),
        (
            "Daniel Ortega spoke first. Challenging Ortega, who has refused to meet him, Ruiz said the port was open. Later, Ortega said the port was closed.",
            &[
                "Ruiz | said | indirect | the port was open",
                "Ortega | said | indirect | the port was closed",
            ],
        ),
        (
            "Ortega called the raid \"an act of piracy\" and said the crew would be freed.",
            &[
                "Ortega | called | mixed | the raid \"an act of piracy\"",
                "Ortega | said | indirect | the crew would be freed",
            ],
        ),
        (
            "Ortega called the raid an act of piracy and warned that reprisals would follow.",
            &[
                "Ortega | called | indirect | the raid an act of piracy",
                "Ortega | warned | indirect | reprisals would follow",
            ],
        ),
        (
            "Lavrov dismissed the criticism, saying Washington had failed to rein in the rebels.",
            &[
                "Lavrov | dismissed | indirect | the criticism",
                "Lavrov | saying | indirect | Washington had failed to rein in the rebels",
            ],
        ),
        (
            "A spokesman for the rebels' northern division, Fares al-Bayoush, told AFP the rebels had not seen the text.",
            &["Fares al-Bayoush | told | indirect | the rebels had not seen the text"],
        ),
        (
            "Kirby said it was \"too early\" to judge the truce.",
            &["Kirby | said | mixed | it was \"too early\" to judge the truce"],
        ),
        (
            "Tehran hoped the deal would be \"comprehensive.\"",
            &["Tehran | hoped | mixed | the deal would be \"comprehensive.\""],
        ),
        (
            "The group dismissed the deal as a conspiracy, according to a statement posted online.",
            &["The group | dismissed | indirect | the deal as a conspiracy"],
        ),
        (
            "Lavrov was asked by a Turkish reporter whether the convoy was hit.",
            &["a Turkish reporter | asked | indirect | whether the convoy was hit"],
        ),
        (
            "John F. Kerry said the plan could work.",
            &["John F. Kerry | said | indirect | the plan could work"],
        ),
        // no attribution
        ("Lavrov was asked about the convoy.", &[]),
        ("Lavrov is now considered the architect of the deal.", &[]),
        ("The truce is expected to hold.", &[]),
        ("The convoy was hit near Aleppo on Monday.", &[]),
        ("The United States and Russia agreed on a truce.", &[]),
        // PolNeAR stance and appearance cues
        (
            "The minister appeared to rule out new talks.",
            &["The minister | appeared | indirect | rule out new talks"],
        ),
        (
            "The senator raised concerns that the bill was rushed.",
            &["The senator | raised concerns | indirect | the bill was rushed"],
        ),
        // a relative clause with its own cue keeps its claim
        (
            "Barker, who said he usually votes for Democrats, said the governor had earned a second term.",
            &[
                "Barker | said | indirect | he usually votes for Democrats",
                "Barker | said | indirect | the governor had earned a second term",
            ],
        ),
        // the speaker is the subject before "who", not the end of the relative clause
        (
            "Officials who spoke with the newspaper said the agency had become a shell.",
            &["Officials | said | indirect | the agency had become a shell"],
        ),
        (
            "The mayor bemoaned that the state had cut school funds.",
            &["The mayor | bemoaned | indirect | the state had cut school funds"],
        ),
        (
            "The senator took aim at the governor's budget on Tuesday.",
            &["The senator | took aim at | indirect | the governor's budget on Tuesday"],
        ),
        // a bare quantifier as subject
        (
            "Several said they would vote for the measure.",
            &["Several | said | indirect | they would vote for the measure"],
        ),
    ];
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let mut failed = Vec::new();
    for (input, expect) in cases {
        if std::panic::catch_unwind(|| check(input, expect)).is_err() {
            failed.push(*input);
        }
    }
    assert!(
        failed.is_empty(),
        "{} failing cases: {failed:#?}",
        failed.len()
    );
}

/// The claim date comes from a time expression attached to the cue, else the publication date.
/// Speaker and actor code per claim: "speaker | code | content". The people are invented:
/// Ingrid Will (a surname that is also a modal) leads Norway's government.
#[test]
fn speaker_side_table() {
    let extra = [GazetteerEntry {
        name: "Ingrid Will".into(),
        code: "NORGOV".into(),
        kind: ActorKind::Person,
        aliases: vec!["Ingrid Will".into()],
        from: None,
        until: None,
    }];
    let g = Gazetteer::with_extra(&extra);
    let cases: &[(&str, &[&str])] = &[
        // Independent sources named by trade alone speak for no state; a country cue gives its
        // civil society.
        (
            "Analysts said the blast was a warning.",
            &["Analysts | NGOCVL | the blast was a warning"],
        ),
        // A letter sent to a party speaks for its sender, not its addressee.
        (
            "Norway sent a letter to the UN Security Council on Friday accusing Russia of piracy.",
            &["Norway | NORGOV | Russia of piracy"],
        ),
        // The addressee of a letter or a complaint is no content.
        (
            "Norway wrote to the UN chief on Friday that Russia had violated its airspace.",
            &["Norway | NORGOV | Russia had violated its airspace"],
        ),
        (
            "Norway said it had sent a letter to Sweden proposing new talks.",
            &[
                "Norway | NORGOV | it had sent a letter to Sweden",
                "Norway | NORGOV | new talks",
            ],
        ),
        // A second scene-setting opener ("Later, at a rally in Lima,") is no subject: a
        // participle cue takes the speaker after it.
        (
            "Later, at a campaign event ahead of the vote in Lima, Ingrid Will called the seizure a crime, while repeating that the boats would be released.",
            &["Ingrid Will | NORGOV | the boats would be released"],
        ),
        // A press report that holds another attribution only relays it: the claim is the
        // inner speaker's, and it ends before the report's words.
        (
            "Ingrid Will called the seizure a breach of the treaty, AP reported.",
            &["Ingrid Will | NORGOV | the seizure a breach of the treaty"],
        ),
        (
            "Ingrid Will said the seizure broke the treaty, Reuters reported.",
            &["Ingrid Will | NORGOV | the seizure broke the treaty"],
        ),
        // A news agency is never "he".
        (
            "Ingrid Will said the seizure broke the treaty, AP reported. He said the crew was safe.",
            &[
                "Ingrid Will | NORGOV | the seizure broke the treaty",
                "Ingrid Will | NORGOV | the crew was safe",
            ],
        ),
        (
            "The trawler was seized in Norwegian waters, Reuters reported.",
            &["Reuters | - | The trawler was seized in Norwegian waters"],
        ),
        // An article and an adjective before a cue that is also a noun: no speaker.
        (
            "The charges changed to the outrageous claim that the crew was armed.",
            &[],
        ),
        (
            "The executive said the crew was armed.",
            &["The executive | - | the crew was armed"],
        ),
        (
            "Peruvian doctors said the patients had choked.",
            &["Peruvian doctors | PERNGO | the patients had choked"],
        ),
        // A role noun before a preposition speaks for the country before it, not for the
        // body after it; a circumstance in the trailer still ends the attribution.
        (
            "The plan is absurd, Peru's delegation at the United Nations said on Friday during a meeting in Lima.",
            &["Peru's delegation at the United Nations | PERGOV | The plan is absurd"],
        ),
        (
            "A source in the Peruvian delegation said the plan had failed.",
            &["A source in the Peruvian delegation | PERGOV | the plan had failed"],
        ),
        // A portfolio word before the title, and a name particle inside the appositive's
        // name: the name speaks for the country of the phrase before it.
        (
            "Chile's fisheries minister, Prince Tomas de Alba, said the quota would hold.",
            &["Tomas de Alba | CHLGOV | the quota would hold"],
        ),
        (
            "Peru's energy minister, Rosa bin Quispe, said the pipeline would reopen.",
            &["Rosa bin Quispe | PERGOV | the pipeline would reopen"],
        ),
        // A capitalised modal before the cue is a surname, not an auxiliary.
        (
            "Ingrid Will said the fleet would stay in port.",
            &["Ingrid Will | NORGOV | the fleet would stay in port"],
        ),
        // The cue's subject speaks, not the object or the first actor of the content.
        (
            "Will claimed Sweden was \"reckless\" in the strait.",
            &["Will | NORGOV | Sweden was \"reckless\" in the strait"],
        ),
        // ", saying" hangs on the clause's subject, not on an appositive before the comma.
        (
            "Ingrid Will called the vote a turning point for Sweden, a close neighbour, saying the border must stay open.",
            &["Ingrid Will | NORGOV | the border must stay open"],
        ),
        // A pronoun takes the subject of the previous sentence, not a person named after it.
        (
            "Sergei Lavrov met Ingrid Will at the border. \"It is theatre,\" he said.",
            &["Sergei Lavrov | RUSGOV | It is theatre"],
        ),
        // A person named only inside the quotation is no antecedent for its pronoun.
        (
            "Ingrid Will spoke on Monday. \"Our dispute is with Sergei Lavrov and his ministry,\" she said.",
            &["Ingrid Will | NORGOV | Our dispute is with Sergei Lavrov and his ministry"],
        ),
        // A person brought back as the subject of a sentence with no claim is the "she" after
        // it, not a person named in between.
        (
            "Defence Minister Ingrid Berg described the object as small. Prime Minister Jonas Dahl spoke with Sergei Lavrov. Berg gave the description at a briefing. She said it flew at 40,000 feet.",
            &[
                "Ingrid Berg | - | the object as small",
                "Ingrid Berg | - | it flew at 40,000 feet",
            ],
        ),
        // A name after a title of a body ("U.N. Undersecretary-General for political affairs")
        // is a person for "she", not the body; the speaker before stays herself.
        (
            "Poland's president said the blast was an accident. U.N. Undersecretary-General for political affairs Ana Ruiz told the council that it was the worst week. She reiterated that attacks on civilians are prohibited.",
            &[
                "Poland's president | POLGOV | the blast was an accident",
                "Ana Ruiz | IGOUNO | it was the worst week",
                "Ana Ruiz | IGOUNO | attacks on civilians are prohibited",
            ],
        ),
        // "he" is a person, never a thing named before it.
        (
            "The agreement was signed in Oslo. \"It will hold,\" he said.",
            &["he | - | It will hold"],
        ),
        // A person named after a body's role noun is a person for "he", not the body; the
        // gazetteer does not know him.
        (
            "Bolivian army spokesman Tomas Quispe said the patrol stayed on its side. \"We crossed nothing,\" he said.",
            &[
                "Tomas Quispe | BOLMIL | the patrol stayed on its side",
                "Tomas Quispe | BOLMIL | We crossed nothing",
            ],
        ),
        // So is an unnamed role before a preposition: "a spokesman for <body>"; the person
        // speaks for the body the gazetteer codes after the preposition (the army, MIL), not
        // for the government its demonym alone would name.
        (
            "A spokesman for the Bolivian army said the patrol stayed on its side. He said no shots were fired.",
            &[
                "A spokesman for the Bolivian army | BOLMIL | the patrol stayed on its side",
                "A spokesman for the Bolivian army | BOLMIL | no shots were fired",
            ],
        ),
        (
            "A spokeswoman for the Bolivian government said talks would resume.",
            &["A spokeswoman for the Bolivian government | BOLGOV | talks would resume"],
        ),
        // "Ministry of Defence" is one name, not a ministry and its complement: the body the
        // gazetteer codes speaks (military), not the government its demonym and "Ministry"
        // would name.
        (
            "The British Ministry of Defence said two jets were scrambled.",
            &["The British Ministry of Defence | GBRMIL | two jets were scrambled"],
        ),
        // ... but a state named after that name owns it: another state's ministry of the same
        // name
        (
            "The Ministry of Defence of Azerbaijan said two jets were scrambled.",
            &["The Ministry of Defence of Azerbaijan | AZEMIL | two jets were scrambled"],
        ),
        (
            "The Ministry of Defence of Bolivia said the patrol stayed on its side.",
            &["The Ministry of Defence of Bolivia | BOLMIL | the patrol stayed on its side"],
        ),
        // a group's own name with "of" and a country is the group
        (
            "The Islamic State of Iraq said it carried out the attack.",
            &["The Islamic State of Iraq | IMGISL | it carried out the attack"],
        ),
        // A body's whole name with a preposition, when the gazetteer knows it, before a
        // coordinated second source.
        (
            "Shelling hit the port overnight, according to the Syrian Observatory for Human Rights and local activists.",
            &["the Syrian Observatory for Human Rights | SYRNGO | Shelling hit the port overnight"],
        ),
        // A place at the end of the subject's prepositional phrases is not the speaker: the
        // role noun that opens the clause is, and a count its observers "have recorded" is
        // their claim; "they" refers back to them.
        (
            "Peruvian monitors of the vote in Bolivia have recorded forty complaints since the polls opened. They said the count was orderly.",
            &[
                "Peruvian monitors | PERGOV | forty complaints since the polls opened",
                "Peruvian monitors | PERGOV | the count was orderly",
            ],
        ),
        (
            "Critics in the senate and at the Bolivian army have questioned whether the vote was fair.",
            &["Critics | BOLMIL | whether the vote was fair"],
        ),
        (
            "Witnesses on both banks of the river near Cochabamba said the convoy turned back.",
            &["Witnesses | NGOCVL | the convoy turned back"],
        ),
        // introduced by office, then named in the next sentence: the name keeps the office's
        // side; a name after an unrelated sentence does not
        (
            "The Danish special envoy for the Arctic says the talks will go on.\n\nJane Roe told reporters on Wednesday that the ferry was turning back. Roe said the crew was safe.",
            &[
                "The Danish special envoy for the Arctic | DNKGOV | the talks will go on",
                "Jane Roe | DNKGOV | the ferry was turning back",
                "Jane Roe | DNKGOV | the crew was safe",
            ],
        ),
        (
            "The Danish special envoy for the Arctic says the talks will go on. The ferry left at noon.\n\nJane Roe told reporters that the ferry was turning back.",
            &[
                "The Danish special envoy for the Arctic | DNKGOV | the talks will go on",
                "Jane Roe | - | the ferry was turning back",
            ],
        ),
        // "put out the line that": a line given to the press.
        (
            "The Bolivian army put out the line that rebels had fired first, with two soldiers hurt overnight.",
            &["The Bolivian army | BOLMIL | rebels had fired first, with two soldiers hurt overnight"],
        ),
        // The body itself stays a body: "it" refers back to it, "he" does not.
        (
            "The Bolivian army said the patrol stayed on its side. It said no shots were fired.",
            &[
                "The Bolivian army | BOLMIL | the patrol stayed on its side",
                "The Bolivian army | BOLMIL | no shots were fired",
            ],
        ),
        // An "it" speaking inside a relative clause is the sentence's own subject, when that
        // is one body; a person is never "it".
        (
            "The Bolivian army released footage which it says shows the patrol on its side.",
            &["The Bolivian army | BOLMIL | shows the patrol on its side"],
        ),
        (
            "The Bolivian embassy put out a map it said proved the patrol never crossed.",
            &["The Bolivian embassy | BOLGOV | proved the patrol never crossed"],
        ),
        (
            "Jane Roe released footage which it says shows the patrol on its side.",
            &["it | - | shows the patrol on its side"],
        ),
        // A sentence with no claim names the body a later "it" speaks for.
        (
            "The Bolivian embassy hit back within hours. It said the patrol never crossed.",
            &["The Bolivian embassy | BOLGOV | the patrol never crossed"],
        ),
        (
            "The Bolivian embassy in Santiago hit back. It said the patrol never crossed.",
            &["The Bolivian embassy | BOLGOV | the patrol never crossed"],
        ),
        // "Bolivian government aircraft would stop": the body is a modifier, not the subject.
        (
            "Bolivian government aircraft would stop flying. It said the patrol never crossed.",
            &["It | - | the patrol never crossed"],
        ),
        // A body that only acts in the narrative does not take "it" from the speaker.
        (
            "The Bolivian army said the patrol stayed on its side. Chile withdrew its troops in February. It said no shots were fired.",
            &[
                "The Bolivian army | BOLMIL | the patrol stayed on its side",
                "The Bolivian army | BOLMIL | no shots were fired",
            ],
        ),
        // Plural bodies as subject leave "it" unresolved.
        (
            "The two armies traded blame. It said the patrol never crossed.",
            &["It | - | the patrol never crossed"],
        ),
        // "a statement posted on social media": the participle modifies the noun; the
        // clause's verb is the cue.
        (
            "The Bolivian embassy hit back. In a statement posted on social media, it dismissed the report as false.",
            &["The Bolivian embassy | BOLGOV | the report as false"],
        ),
    ];
    for (input, expect) in cases {
        let sents = sentences::split(input);
        let actors = actors::find_on(input, &g, None);
        let mut d = Vec::new();
        let got: Vec<String> = find(
            input,
            &sents,
            &actors,
            &[],
            DateValue::unknown(),
            &g,
            &mut d,
        )
        .iter()
        .map(|c| {
            format!(
                "{} | {} | {}",
                c.speaker,
                c.actor_code.as_deref().unwrap_or("-"),
                c.text
            )
        })
        .collect();
        assert_eq!(&got, expect, "input: {input}");
    }
}

#[test]
fn claim_dates_from_cue_timexes() {
    use crate::model::{Timex, TimexType};
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let cases: &[(&str, &str, Option<chrono::NaiveDate>)] = &[
        (
            "Kerry told reporters on Sept. 9 that the deal was final.",
            "Sept. 9",
            Some(day(2016, 9, 9)),
        ),
        (
            "Shoigu said Monday that talks were close.",
            "Monday",
            Some(day(2016, 8, 29)),
        ),
        (
            "\"It is holding,\" Churkin said on Sunday.",
            "Sunday",
            Some(day(2016, 9, 11)),
        ),
        (
            "Lavrov on Friday said the text was ready.",
            "Friday",
            Some(day(2016, 9, 9)),
        ),
        // A date inside the content is when it happened, not when it was said.
        (
            "Lavrov said the convoy was hit on Monday.",
            "Monday",
            Some(day(2016, 9, 12)),
        ),
    ];
    let published = DateValue::day(day(2016, 9, 12));
    for (text, tx, want) in cases {
        let start = text.find(tx).unwrap();
        let resolved = if *tx == "Monday" && text.contains("convoy") {
            DateValue::day(day(2016, 9, 5))
        } else {
            DateValue::day(want.unwrap())
        };
        let timexes = vec![Timex {
            text: tx.to_string(),
            span: Span::new(start, start + tx.len()),
            kind: TimexType::Date,
            value: String::new(),
            resolved,
        }];
        let sents = sentences::split(text);
        let mut d = Vec::new();
        let claims = find(
            text,
            &sents,
            &[],
            &timexes,
            published,
            &Gazetteer::builtin(),
            &mut d,
        );
        assert_eq!(claims.len(), 1, "{text}");
        assert_eq!(claims[0].date.date, *want, "{text}");
    }
    // No time expression: the publication date.
    let text = "Lavrov said the truce held.";
    let mut d = Vec::new();
    let c = find(
        text,
        &sentences::split(text),
        &[],
        &[],
        published,
        &Gazetteer::builtin(),
        &mut d,
    );
    assert_eq!(c[0].date, published);
}

/// A title-case line without a full stop is a headline, not a claim, and so is a short
/// sentence-case one; longer lines cut before their full stop, the text's last line and list
/// items still are.
#[test]
fn headlines_are_not_claims() {
    let cases: &[(&str, usize)] = &[
        (
            "U.S. and Russia Announce Plan for Peace in Syria\n\nLavrov said the plan would work.",
            1,
        ),
        (
            "Russia Says Deal With Washington Is Close\n\nLavrov said the plan would work.",
            1,
        ),
        (
            "Lavrov said the plan would work and that the talks\nwould resume on Monday in Geneva",
            1,
        ),
        ("Lavrov said the plan would work\n", 1),
        // short sentence-case lines without a final stop: headlines, repeated headlines and
        // related links in headline grammar
        (
            "Harbour chief denies role in ferry leak; inquiry opens\n\nThe harbour chief said the leak was not his doing.",
            1,
        ),
        (
            "The mayor said the bridge would reopen.\n\nRELATED Flood waters reach the old town, council says\n\nThe council said repairs would take a week.",
            2,
        ),
        (
            "Union tells port owners to 'pay up or shut down'\n\nThe union said on Monday the strike would go on.",
            1,
        ),
        // a long standfirst without a full stop still holds a claim, and so do list items
        (
            "Mayor warns flood walls will not hold\n\nThe mayor of the river town has warned residents that the flood walls along the old quay will not hold through another winter storm\n\nShe spoke on Monday.",
            1,
        ),
        (
            "Key points\n\n- The embassy said it was \"completely untrue\" that its staff were involved\n- Police said the inquiry would take weeks\n\nMore later.",
            2,
        ),
    ];
    for (text, n) in cases {
        assert_eq!(run(text).len(), *n, "{text}: {:?}", run(text));
    }
    // A title-case headline's capitals name no one a later description could refer to.
    check(
        "Port Leaders Blame Storm Crews For Flood\n\nThe leaders issued a joint text, saying the crews were at fault.",
        &["The leaders | saying | indirect | the crews were at fault"],
    );
}

/// A page excerpt cut mid-sentence: a claim with a few words of content running into the cut
/// is a fragment; a longer one, or a claim before it, stays.
#[test]
fn fragments_cut_by_an_excerpt_are_not_claims() {
    let cases: &[(&str, &[&str])] = &[
        (
            "The governor said the two sides had agreed. The deputy said the bri",
            &["The governor | said | indirect | the two sides had agreed"],
        ),
        (
            "The governor said the two sides had agreed. The deputy said the talks had moved on to the northern bri",
            &[
                "The governor | said | indirect | the two sides had agreed",
                "The deputy | said | indirect | the talks had moved on to the northern bri",
            ],
        ),
        (
            "The governor said the two sides had agreed.\n\n\"We have irrefutable evid",
            &["The governor | said | indirect | the two sides had agreed"],
        ),
    ];
    for (text, want) in cases {
        check(text, want);
    }
}

/// A claim with no time expression at its cue takes the date of the same speaker's last
/// earlier dated claim (the same occasion); another speaker's claim keeps the publication date,
/// unless the report's first claim is dated the day before the report (the report's occasion,
/// `finish::report_occasion`).
#[test]
fn later_claims_of_a_speaker_share_the_occasion_date() {
    let day = |d| chrono::NaiveDate::from_ymd_opt(2018, 3, d).unwrap();
    let published = DateValue::day(day(30));
    let cases: &[(&str, &[Option<chrono::NaiveDate>])] = &[
        (
            "Sergei Lavrov said on Thursday Moscow would expel 60 diplomats. The embassy was closed. Lavrov added that Russia would answer other countries too.",
            &[Some(day(29)), Some(day(29))],
        ),
        (
            "Sergei Lavrov said on Tuesday Moscow would expel 60 diplomats. Boris Johnson said the move was regrettable.",
            &[Some(day(27)), Some(day(30))],
        ),
        // the report's occasion: its first claim was made the day before
        (
            "Sergei Lavrov said on Thursday Moscow would expel 60 diplomats. Boris Johnson said the move was regrettable.",
            &[Some(day(29)), Some(day(29))],
        ),
        // a day after the report is not when anything in it was said
        (
            "Sergei Lavrov, who will attend the April 5 meeting, said Moscow would expel 60 diplomats. Lavrov added that Russia would answer other countries too.",
            &[Some(day(30)), Some(day(30))],
        ),
        // a time expression opening the sentence dates it
        (
            "On Thursday, Sergei Lavrov announced that Moscow would expel 60 diplomats.",
            &[Some(day(29))],
        ),
        // no dated claim before it: the publication date
        (
            "Lavrov added that Russia would answer. Lavrov said on Thursday Moscow would expel diplomats.",
            &[Some(day(30)), Some(day(29))],
        ),
        // a period opening the sentence places the claim on no day: background when it
        // opens with an earlier word or ended before the report; "this month" has not
        (
            "Earlier this month, Lavrov said the talks were over.",
            &[None],
        ),
        ("In January, Lavrov said the talks were over.", &[None]),
        (
            "This month, Lavrov said the talks were over.",
            &[Some(day(30))],
        ),
        // a participle of issuing before the day of a setting stands for "on"
        (
            "In an interview aired Tuesday, Lavrov said the talks were over.",
            &[Some(day(27))],
        ),
        // a relative clause telling another deed of the speaker dates that deed, not the
        // speaking; one telling the speaking dates it
        (
            "Lavrov, who postponed a trip to Lima on Tuesday, told reporters the talks were over.",
            &[Some(day(30))],
        ),
        (
            "Lavrov, who spoke to reporters on Tuesday, said the talks were over.",
            &[Some(day(27))],
        ),
        // a perfect with a floating quantifier ("have all rejected") is background too
        (
            "Moscow said on Thursday that the nerve agent used in the attack had most likely come from Sweden or Poland.\n\nSweden and Poland have all rejected the claim that the agent came from them.",
            &[Some(day(29)), None],
        ),
        // "Earlier," leaves a claim undated, and the same speaker's very next claim continues
        // that occasion; "a short time earlier" is the same day and dates nothing away
        (
            "Earlier, Boris Johnson told reporters the move was regrettable.\n\n\"We will answer,\" Johnson told the BBC.",
            &[None, None],
        ),
        (
            "A short time earlier, Boris Johnson had said the move was regrettable.\n\n\"We will answer,\" Johnson told the BBC.",
            &[Some(day(30)), Some(day(30))],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(&dates_of(text, published), want, "{text}");
    }
}

/// The dates of the claims found in `text` published on `published`, time expressions tagged.
pub(super) fn dates_of(text: &str, published: DateValue) -> Vec<Option<chrono::NaiveDate>> {
    let timexes = crate::extract::timex::tag(text, published.date);
    let mut d = Vec::new();
    let claims = find(
        text,
        &sentences::split(text),
        &[],
        &timexes,
        published,
        &Gazetteer::builtin(),
        &mut d,
    );
    claims.iter().map(|c| c.date.date).collect()
}

/// Background is undated: a claim in the perfect ("has denied"), after "earlier" or
/// "previously", or a standing position in the present ("Moscow denies") was not made on the
/// report's day, unless it is the lede (the day's news) or a time expression places it.
#[test]
fn background_claims_have_no_date() {
    let day = |d| chrono::NaiveDate::from_ymd_opt(2018, 3, d).unwrap();
    let published = DateValue::day(day(15));
    let lede =
        "Ministers of both countries met in Vienna on Wednesday for a round of talks on trade.\n\n";
    let cases: &[(&str, &[Option<chrono::NaiveDate>])] = &[
        ("The Kremlin has denied any role in the attack.", &[None]),
        (
            "The ministry has repeatedly said the talks would go on.",
            &[None],
        ),
        (
            "Earlier, the prime minister said the border would stay open.",
            &[None],
        ),
        (
            "The envoy said previously that the border would stay open.",
            &[None],
        ),
        ("Moscow denies any involvement in the attack.", &[None]),
        // the day's news
        (
            "Jan Novak said the border would stay open.",
            &[Some(day(15))],
        ),
        (
            "Moscow denied any involvement in the attack.",
            &[Some(day(15))],
        ),
        // a perfect reporting on a span that reaches the report's day, or "meanwhile"
        (
            "Activists have reported sporadic shelling since the truce came into force on Tuesday in the north.",
            &[Some(day(15))],
        ),
        (
            "The envoy has welcomed the drop in violence in the 24 hours since the truce began.",
            &[Some(day(15))],
        ),
        (
            "Meanwhile, the envoy has welcomed the drop in violence.",
            &[Some(day(15))],
        ),
        (
            "The ministry has said since March 2 that the talks would go on.",
            &[None],
        ),
        (
            "The Kremlin has denied any role since the attack.",
            &[None],
        ),
        // a deadline of hours is no span ending now; "previously" keeps a claim background
        (
            "The army has vowed to retake the town within 48 hours.",
            &[None],
        ),
        (
            "The ministry has previously said the rebels had 48 hours since the truce began to leave.",
            &[None],
        ),
        // the day "since" governs, not a later one
        (
            "The ministry has denied any role since the attack, which the rebels blamed on it on Tuesday.",
            &[None],
        ),
        // a time expression before the cue places the claim
        (
            "Earlier on Tuesday the minister said the border would stay open.",
            &[Some(day(13))],
        ),
        (
            "The ministry has said on Monday that the talks would go on.",
            &[Some(day(12))],
        ),
    ];
    for (body, want) in cases {
        for text in [format!("{lede}{body}"), body.to_string()] {
            let got = dates_of(&text, published);
            let earlier = body.starts_with("Earlier,") || body.contains("previously");
            if text.starts_with(lede) || earlier {
                assert_eq!(&got, want, "{text}");
            } else {
                // the perfect or present as the lede is the day's news
                assert!(got.iter().all(Option::is_some), "{text}: {got:?}");
            }
        }
    }
}

/// A day after a participle of issuing that follows the source ("according to a report
/// published on Saturday", "a statement released on Sunday") dates the claim; a day after
/// another participle does not.
#[test]
fn a_source_issued_on_a_day_dates_its_claims() {
    let day = |d| chrono::NaiveDate::from_ymd_opt(2018, 3, d).unwrap();
    let published = DateValue::day(day(15));
    let cases: &[(&str, &[Option<chrono::NaiveDate>])] = &[
        (
            "The radar was misaligned, according to a report published on Tuesday.",
            &[Some(day(13))],
        ),
        (
            "Port officials blamed the pilot for the collision, according to a report released late on Monday.",
            &[Some(day(12))],
        ),
        (
            "A statement issued by the navy on Tuesday said the crew was safe.",
            &[Some(day(13))],
        ),
        (
            "The Daily Courier reported earlier on Tuesday that the navy fired first, according to two port officials.",
            &[Some(day(13))],
        ),
        // the day of what the report is about, not of its issue
        (
            "The radar was misaligned, according to a report about the crash on Tuesday.",
            &[Some(day(15))],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(&dates_of(text, published), want, "{text}");
    }
}

/// Denial cues set `denial`, flip the classified polarity and blame the speaker for "its".
#[test]
fn denial_flips_polarity_and_targets_the_speaker() {
    let text = "Russia denied that its warplanes struck the convoy.";
    let c = &run(text)[0];
    assert!(c.denial);
    assert_eq!(c.text, "its warplanes struck the convoy");
    let reading = frames::classify(&c.text, c.span.start);
    assert_eq!(c.polarity, -reading.polarity);
    let expected_target = reading.target.or_else(|| c.actor_code.clone());
    assert_eq!(c.target, expected_target);
    let c = &run("Kerry said the convoy was struck.")[0];
    assert!(!c.denial);
}

#[test]
fn design_worked_example() {
    let text = "MOSCOW (AP) — Russia's defense minister said Monday that Moscow and Washington were closing in on an agreement to coordinate military action around Aleppo, but U.S. officials cast doubt on that assessment within hours.\n\n\
Defense Minister Sergei Shoigu, speaking at a meeting of military officers outside Moscow, said: \"Step by step, we are nearing an arrangement.\" He added that Russian and American experts had been meeting \"practically every day\" to work out the details.\n\n\
A U.S. official, speaking on condition of anonymity because he was not authorized to discuss the negotiations publicly, said, however, that \"no agreement is close.\" The official said serious gaps remained.\n\n\
State Department spokeswoman Elizabeth Trudeau told reporters in Washington that \"we have nothing to announce\" and that talks continued.";
    let claims = run(text);
    let find = |content: &str| {
        claims
            .iter()
            .find(|c| c.text.contains(content))
            .unwrap_or_else(|| panic!("no claim with {content:?}: {claims:#?}"))
    };
    let c = find("we are nearing an arrangement");
    assert_eq!(c.speaker, "Sergei Shoigu");
    assert_eq!(c.kind, ClaimKind::Direct);
    assert_eq!(c.text, "Step by step, we are nearing an arrangement");
    let c = find("experts had been meeting");
    assert_eq!(c.speaker, "Sergei Shoigu");
    assert_eq!(c.speaker_span.map(|s| s.slice(text)), Some("He"));
    assert_eq!(c.cue, "added");
    let c = find("no agreement is close");
    assert_eq!(c.speaker, "A U.S. official");
    assert_eq!(c.kind, ClaimKind::Mixed);
    assert_eq!(c.text, "no agreement is close");
    let c = find("serious gaps remained");
    assert_eq!(c.speaker, "A U.S. official");
    let c = find("we have nothing to announce");
    assert_eq!(c.speaker, "Elizabeth Trudeau");
    assert_eq!(c.cue, "told reporters");
    assert_eq!(c.text, "we have nothing to announce");
    let c = find("talks continued");
    assert_eq!(c.speaker, "Elizabeth Trudeau");
    assert_eq!(c.text, "talks continued");
    for c in &claims {
        assert_eq!(c.span.slice(text), c.text);
        assert_eq!(c.sentence_span.slice(text), c.sentence);
    }
}

#[test]
fn odd_inputs_never_panic_and_spans_are_aligned() {
    let inputs = [
        "",
        "said",
        "\"",
        "“”",
        "\"\" he said.",
        "said: \"",
        ", said Lavrov",
        "according to",
        "According to",
        "quoted as saying",
        "He added that",
        "“é,” said É.",
        "Лавров said: «Мы готовы».",
        "日本 said that 中国.",
        "\"A,\" he said, \"",
        "''x,'' Mr. said.",
        "( said )",
        "— said —",
        ": : :",
        "X: \"",
        "The official said,",
        "who said",
        "\n\n\"Quote paragraph\"\n\n\"another\"",
        "a.m. p.m. U.S. said U.N.",
        "He said he said he said that that that.",
        "“Unclosed quote, Lavrov said.\n\nNext",
    ];
    for s in inputs {
        for c in run(s) {
            for sp in [
                Some(c.span),
                Some(c.sentence_span),
                c.speaker_span,
                c.cue_span,
            ]
            .into_iter()
            .flatten()
            {
                assert!(sp.start <= sp.end && sp.end <= s.len(), "{s:?}: {sp:?}");
                assert!(
                    s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end),
                    "{s:?}: {sp:?}"
                );
            }
            assert_eq!(c.span.slice(s), c.text);
            assert!((0.0..=1.0).contains(&c.confidence));
        }
    }
    // Sentences that are not char-aligned or out of range are skipped, not a panic.
    let text = "“é,” said Lavrov.";
    let mut d = Vec::new();
    let bad = [Span::new(1, 2), Span::new(0, 999), Span::new(5, 3)];
    let _ = find(
        text,
        &bad,
        &[],
        &[],
        DateValue::unknown(),
        &Gazetteer::builtin(),
        &mut d,
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    /// Random wire-like text built from attribution pieces never panics and stays aligned.
    #[test]
    fn random_pieces_never_panic(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "Lavrov", "he", "She", "the minister", "a U.S. official", "said", "told reporters",
                "added", "according to", "denied", "\"", "“", "”", "''", ",", ".", ":", "—",
                "that", "\n\n", " ", "é", "日本", "(", ")", "who", "quoted", "as saying",
                "Gen.", "U.S.", "p.m.", "'s", "’", "-", "saying", "in a statement",
            ]),
            0..40,
        )
    ) {
        let text: String = pieces.join(" ");
        for c in run(&text) {
            for sp in [Some(c.span), Some(c.sentence_span), c.speaker_span, c.cue_span]
                .into_iter()
                .flatten()
            {
                proptest::prop_assert!(sp.start <= sp.end && sp.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
            }
            proptest::prop_assert_eq!(c.span.slice(&text), c.text.as_str());
        }
    }

    /// Arbitrary unicode strings never panic.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = run(&text);
    }
}

/// Full extraction of $CLAIMS_DEBUG with $CLAIMS_DATE (YYYY-MM-DD): claims with dates and actors.
#[test]
#[ignore]
fn debug_full() {
    let arg = std::env::var("CLAIMS_DEBUG").unwrap_or_default();
    let text = std::fs::read_to_string(&arg).unwrap_or(arg);
    let date = std::env::var("CLAIMS_DATE")
        .ok()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .map(DateValue::day)
        .unwrap_or_default();
    let (ex, _) = crate::extract::extract(&text, date, &Gazetteer::builtin());
    for c in ex.claims {
        println!(
            "{} [{:?}] {} ({}) {:?} | {} | frame={:?} pol={} denial={}",
            c.date.date.map(|d| d.to_string()).unwrap_or_default(),
            c.actor_code,
            c.speaker,
            c.cue,
            c.kind,
            c.text,
            c.frame,
            c.polarity.as_i8(),
            c.denial
        );
    }
}

/// Print the claims of $CLAIMS_DEBUG (a file path or text).
#[test]
#[ignore]
fn debug() {
    let arg = std::env::var("CLAIMS_DEBUG").unwrap_or_default();
    let text = std::fs::read_to_string(&arg).unwrap_or(arg);
    for s in sentences::split(&text) {
        println!("SENT {:?}", s.slice(&text));
    }
    for c in run(&text) {
        println!(
            "{:?} speaker={:?} span={:?} cue={:?} content={:?} conf={} actor={:?} date={:?}",
            c.kind,
            c.speaker,
            c.speaker_span.map(|s| s.slice(&text)),
            c.cue,
            c.text,
            c.confidence,
            c.actor_code,
            c.date.date
        );
    }
}

/// A definite reference to a news agency relays ("the wire service"); a named agency is read by
/// `agencies`, and other definite subjects are speakers of their own.
#[test]
fn wire_references_are_read_from_the_word_list() {
    let cases = [
        ("the agency", true),
        ("The news agency", true),
        ("the wire service", true),
        (" the wire ", true),
        ("agency", false),
        ("the fisheries agency", false),
        ("the ministry", false),
    ];
    for (speaker, want) in cases {
        assert_eq!(wire_reference(speaker), want, "{speaker:?}");
    }
}

/// A day that opens the speaker's clause after "and", "but", "while" or a semicolon dates the
/// claim; a day elsewhere in the clause before it (the event's) does not, nor a day inside the
/// content. The time of day and a month's day after the cue are one circumstance.
#[test]
fn a_day_opening_the_speakers_clause_dates_it() {
    let day = |d| chrono::NaiveDate::from_ymd_opt(2018, 3, d).unwrap();
    let published = DateValue::day(day(15));
    let cases: &[(&str, Option<chrono::NaiveDate>)] = &[
        (
            "The dispute has strained ties between the neighbours, and late Tuesday the prime minister said he would recall the ambassador.",
            Some(day(13)),
        ),
        (
            "The ferry was held for hours; on Monday the port authority said the channel would reopen.",
            Some(day(12)),
        ),
        (
            "The port authority said late on March 13 that the channel would reopen.",
            Some(day(13)),
        ),
        // the day belongs to the event told before the clause
        (
            "The ferry was seized on Monday and the port authority said the channel would reopen.",
            Some(day(15)),
        ),
        // a day after "that" is the content's time, not the speaking's
        (
            "The admiral said that last night \"the raiders struck the pier again\".",
            Some(day(15)),
        ),
        // a day inside a cue of several words ("reported X on Monday as saying")
        (
            "Local media reported port officials on Monday as saying that the channel would reopen.",
            Some(day(12)),
        ),
        // a time of day before the day after the cue, and the date restated after it
        (
            "The port authority said late Tuesday, March 13, that the channel would reopen.",
            Some(day(13)),
        ),
        // a linking word before an opening day, and a scene-setting opener with a relative
        // day and no "on", date the claim
        (
            "Also on Tuesday, the port authority said the channel would reopen.",
            Some(day(13)),
        ),
        // an opening participle clause ending with its day: the speaker's own occasion
        (
            "Addressing fishermen in the harbour on Monday, the admiral said the channel would reopen.",
            Some(day(12)),
        ),
        (
            "During a press conference held in the capital yesterday, the admiral said the channel would reopen.",
            Some(day(14)),
        ),
        // a day after a determiner or with a possessive dates the event it qualifies
        (
            "Roe called the March 12 seizure a provocation, warning the navy would respond.",
            Some(day(15)),
        ),
        (
            "The mayor visited Tuesday's blast site, saying the port would stay shut.",
            Some(day(15)),
        ),
        // a determiner and an adjective before the day, or the day something happened on
        (
            "The envoy, in his first remarks since the deadly 12 March clash, said the port would reopen.",
            Some(day(15)),
        ),
        (
            "The envoy visited the pier where the raid took place on March 12, saying the port would reopen.",
            Some(day(15)),
        ),
        // a day after "a statement" with no noun after it is the speaking's
        (
            "The port authority said in a statement Tuesday that the channel would reopen.",
            Some(day(13)),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(dates_of(text, published), vec![*want], "{text}");
    }
}

/// An accusation's day written between the accused and the charge is the day it was made;
/// a day inside the charge is the act's. (text, claim dates). Invented sentences, published
/// Thursday 15 March 2018.
#[test]
fn an_accusations_day_before_its_charge() {
    let day = |d| chrono::NaiveDate::from_ymd_opt(2018, 3, d).unwrap();
    let published = DateValue::day(day(15));
    let cases: &[(&str, &[Option<chrono::NaiveDate>])] = &[
        (
            "Peru accused Ecuador on Tuesday of shelling the border post.",
            &[Some(day(13))],
        ),
        (
            "Peru blamed the Ecuadorean armed forces Monday for the attack.",
            &[Some(day(12))],
        ),
        (
            "Peru and Ecuador accused each other Wednesday of breaking the truce.",
            &[Some(day(14))],
        ),
        // the day of the act charged, not of the accusation
        (
            "Peru accused Ecuador of shelling the border post on Tuesday.",
            &[Some(day(15))],
        ),
        // a day inside the accused's own words (a participle, an act) is theirs
        (
            "Police accused 12 men detained on Tuesday of plotting attacks.",
            &[Some(day(15))],
        ),
        (
            "Peru blamed Ecuadorean shelling on Monday for the deaths.",
            &[Some(day(15))],
        ),
    ];
    for (text, want) in cases {
        assert_eq!(&dates_of(text, published), want, "{text}");
    }
}

/// A channel noun's patterns are compiled once and shared (resolving "the statement" runs them
/// for every reference), match an attribution naming the document as its channel, and a word
/// that is no channel noun has none.
#[test]
fn channel_patterns_are_compiled_once() {
    let a = super::channel_patterns("statement").expect("statement is a channel noun");
    let b = super::channel_patterns("statement").unwrap();
    assert!(std::ptr::eq(a, b));
    assert!(a.0.is_match("In a statement on Monday, "));
    assert!(a.1.is_match("the ministry said in a joint statement"));
    assert!(!a.1.is_match("the ministry said the statement was false"));
    assert!(std::ptr::eq(
        super::issued_channel("statement").unwrap(),
        &a.1
    ));
    assert!(super::channel_patterns("banana").is_none());
}
