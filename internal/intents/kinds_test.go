package intents_test

import (
	"testing"

	"github.com/clinicbot/aftercare/internal/fixture"
)

// urgencyCase is a message and whether the person has a red flag now.
type urgencyCase struct {
	msg    string
	urgent bool
}

func runUrgency(t *testing.T, cases []urgencyCase) {
	t.Helper()
	m := fixture.Matcher(t)
	for _, tc := range cases {
		r := m.Match(tc.msg)
		if r.Urgent != tc.urgent {
			t.Errorf("Match(%q).Urgent = %v (flags %v, %s %q), want %v", tc.msg, r.Urgent, r.RedFlags, r.Kind, r.Intent, tc.urgent)
		}
	}
}

// Red flags in the other languages the bot recognises, read through the
// glossary: hives, welts, rashes, itching and swelling words, and the
// elided articles of French and Italian ("l'urticaire").
func TestRedFlagsInOtherLanguages(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"J'ai de l'urticaire partout sur le visage depuis la séance", true},
		{"Mes lèvres sont enflées depuis ce matin", true},
		{"Me han salido ronchas en la cara y me pica muchísimo", true},
		{"Tengo habones por todo el cuello desde el tratamiento", true},
		{"Ich habe Quaddeln im Gesicht und es juckt stark nach der Behandlung", true},
		{"Mi sono venuti dei pomfi sul viso e mi prude tutto", true},
		{"Mi si sono gonfiate le labbra dopo il trattamento", true},
		{"Ho avuto l'orticaria stamattina dopo la seduta", true},
		{"Estou com urticária no rosto desde o tratamento", true},
		{"Ik heb netelroos op mijn gezicht sinds de behandeling", true},
		{"Mam pokrzywkę na twarzy po zabiegu i bardzo swędzi", true},
		{"Am urticarie pe față după tratament", true},
		{"J'ai des plaques rouges qui grattent partout sur le cou et la poitrine", true},
		{"Me salió un sarpullido con picor por todo el cuerpo", true},
		{"Meine Lippen schwellen an und ich habe Ausschlag", true},
		{"Mi è uscita un'eruzione rossa che prude su tutto il collo", true},
		{"Estou com manchas vermelhas que coçam no pescoço", true},
		{"Ik heb uitslag en jeuk over mijn hele lichaam", true},
		{"Mam wysypkę i swędzi mnie cała twarz", true},
		{"Am o eruptie pe gat si ma mananca foarte tare", true},
		{"Je vois flou depuis ce matin", true},
		{"Me cuesta respirar desde que me puse el suero", true},
		{"Veo borroso desde la sesión", true},
		{"Ich kann kaum atmen", true},
		{"Ich sehe alles verschwommen", true},
		{"Non riesco a respirare bene", true},
		{"Vedo tutto sfocato", true},
		{"Mam ropę na policzku", true},
		{"Não consigo respirar direito desde o tratamento", true},
		// Still not urgent: another language with no red flag in it, or
		// one negated in its own words.
		{"Mon visage est un peu rouge, c'est normal ?", false},
		{"¿Puedo usar crema hidratante esta noche?", false},
		{"Je n'ai pas de fièvre, juste un peu rouge, c'est normal ?", false},
		{"No tengo fiebre ni ronchas, solo la piel un poco roja", false},
		{"Keine Schwellung, nur etwas Rötung, ist das normal?", false},
		{"Kiedy mogę umyć twarz?", false},
	})
}

// A cold sore told in clinical words or by its course: tingling first,
// then a cluster of little blisters on the lip.
func TestRedFlagsColdSore(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"Day two and I've got a cluster of tiny fluid blisters on my upper lip that tingled first", true},
		{"I think it's an HSV flare, little vesicles at the corner of my mouth", true},
		{"Herpes simplex has come back on my lip since the needling", true},
		{"grouped vesicles on a red base near the lip line", true},
		{"my lip tingled all last night and now there are small weepy bumps on it", true},
		{"I get coldsores and one is starting after the treatment", true},
		{"vesicular rash along the vermilion since this morning", true},
		{"my lips tingle a little after the serum, is that ok?", false},
	})
}

// Redness that outgrows a border the patient drew round it.
func TestRedFlagsSpreadingPastAMark(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the red patch has gone past the line I marked with eyeliner", true},
		{"I circled the redness with a pen this morning and it's spread beyond the circle", true},
		{"drew round the red area last night, now it's outside the lines", true},
		{"the redness has outgrown the border I drew around it", true},
		{"it's crept over the pen mark I made round the red bit", true},
		{"I outlined the pink bit with a sharpie after lunch and by teatime it had gone way past the line I drew", true},
		{"marked round it before bed as advised, and I'm sure this morning it is past the line", true},
		{"I drew over a red mark with concealer, is that ok?", false},
		{"can I put the serum past the jaw line?", false},
		{"should I go past the line of my jaw with the serum?", false},
	})
}

// Pain given as a score, and pain or redness that grows day by day.
func TestRedFlagsPainScoresAndEscalation(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the pain is about 7/10 now", true},
		{"it hurts 8 out of 10 today", true},
		{"pain's at a 9 this evening", true},
		{"sore, like 8 /10, can't sleep", true},
		{"honestly the soreness is a solid seven out of ten", true},
		{"it hurts more than it did yesterday", true},
		{"the tenderness is more than yesterday", true},
		{"the soreness is getting worse each day", true},
		{"the pain keeps going up", true},
		{"the redness keeps getting worse", true},
		// A range is not a score, and pain every day is not pain growing.
		{"is it normal to be sore for 7-10 days?", false},
		{"will it be sore for 8-10 hours?", false},
		{"is some tenderness every day normal in the first week?", false},
		{"the pain was 8/10 during the treatment, is that normal?", false},
	})
}

// A negation reaches along a list of signs, and no further.
func TestRedFlagsNegatedLists(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"no fever, no pus, no swelling, just wondering when I can put foundation on", false},
		{"There is no oozing or crusting or heat, only tightness. When can I moisturise?", false},
		{"I don't have a temperature or any swelling or anything, but it feels tight. Is that ok?", false},
		{"no fever, pus or swelling, just tight", false},
		{"Not feverish and not oozing; can I use my serum tonight?", false},
		{"no pus, swelling is getting worse", true},
		{"no fever, but pus is coming out", true},
		{"not feverish, lips swelling up", true},
	})
}

// A sign explained by something else, after it in its sentence, or
// disclaimed as unrelated to the treatment; something over, told in the
// past tense after a cue of long ago.
func TestRedFlagsExplainedOrOver(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"red lines on my cheek but it was my son drawing on me with a marker, can I wipe it off?", false},
		{"there are red streaks on my chin from my daughter's felt tip, will they wash off safely?", false},
		{"Bit feverish and shivery with a runny nose and a cough, is it ok to keep using the serum?", false},
		{"Feeling shivery but it's the flu that's going round the office, should I still apply the serum?", false},
		{"shivery, turns out it's a tummy bug, can I still do the serum?", false},
		{"my vision went blurry for a second when I took my contacts out, unrelated to treatment, can I wear mascara?", false},
		{"got dizzy when I stood up too fast, that was just me skipping lunch. Can I shower tonight?", false},
		{"my nose blistered from sunburn before the treatment, nothing to do with the needling. When can I wear sunscreen?", false},
		{"I got a blister from sunburn on holiday last summer, could that happen again after microneedling?", false},
		{"Last time, at a different salon, my lips swelled up badly. Can I use the serum?", false},
		{"Years ago, after a peel, I got blisters all over my chin", false},
		// Still the patient's sign now.
		{"shivery and my face is hot and swollen, I don't think it's a cold", true},
		{"red streaks from the treated area and it was fine this morning", true},
		{"is the fever unrelated to the treatment?", true},
		{"I had a peel years ago and now my face is oozing", true},
		{"Years ago I had a peel, my face has blistered", true},
		{"Had my treatment at another clinic last year, then I got a fever this morning", true},
		{"I feel like I've got the flu, shivery and achy all over", true},
	})
}

// A sign over or someone else's, and a question what to do if it comes:
// filed under reactions, not urgent.
func TestRedFlagsWhatToDoIfItComesBack(t *testing.T) {
	m := fixture.Matcher(t)
	for _, tc := range []struct {
		msg  string
		want string
	}{
		{"Years ago, after a peel, I got blisters all over. If that happens with this what should I do?", "home.adverse_reaction"},
		{"My sister got a fever after her facial at a salon last month, what do I do if it happens to me?", "home.adverse_reaction"},
		{"I had a cold sore last year. Will I get one again?", ""},
	} {
		if r := m.Match(tc.msg); r.Urgent || r.Intent != tc.want {
			t.Errorf("Match(%q) = %q (urgent %v), want %q, not urgent", tc.msg, r.Intent, r.Urgent, tc.want)
		}
	}
}

// Neighbouring phrasings of each kind of sign, in patients' words.
func TestRedFlagsNeighbouringPhrasings(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the scabs smell really off", true},
		{"the redness is fanning out across my jaw", true},
		{"the pink patch is widening", true},
		{"the swelling went down and now it's come back bigger", true},
		{"my face has gone numb on one side", true},
		{"my arm has gone numb and tingly and I've got a bad headache", true},
		{"I've been shivering under the duvet all afternoon", true},
		{"big raised itchy lumps all over my arms since using the serum", true},
		{"I can't catch my breath properly", true},
		{"I nearly passed out in the shower", true},
		{"a blister has popped and it's raw", true},
		{"blood keeps trickling from my chin", true},
		// Neighbours that are not the sign.
		{"will the numbing wear off on one side first?", false},
		{"my left side is still numb from the numbing cream", false},
		{"the serum smells funny, is it off?", false},
		{"I'm dizzy from the wine last night lol, can I shower?", false},
		{"I'm prone to cold sores, should I take anything before treatment?", false},
	})
}

// More ways of saying a sign is not the person's, now.
func TestRedFlagsMoreMoodCues(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"in the event of a fever who do I call", false},
		{"suppose I get blisters, what then?", false},
		{"say I come out in hives, do I stop the serum?", false},
		{"is pus ever normal after this?", false},
		{"what counts as an infection?", false},
		{"how would I spot an allergic reaction?", false},
		{"the lady at work said she fainted after hers", false},
		{"my sister in law had hives from her filler", false},
		{"the oozing stopped yesterday, can I put cream on?", false},
		{"nothing weeping, nothing hot, just itchy", false},
		// Still urgent.
		{"have you ever seen this? my face is oozing", true},
		{"no idea why but I'm covered in hives", true},
		{"had it done 3 days ago, since yesterday it's oozing", true},
		{"my husband says my face looks swollen and it is getting worse", true},
	})
}

// Signs told in everyday words, beside the expected course told in the same
// words.
func TestRedFlagsEverydayWords(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"it was fine yesterday but now my cheeks are rock hard and throbbing", true},
		{"the heat coming off my face is intense and it's spreading down my neck", true},
		{"I'm covered in little itchy bumps all over my body", true},
		{"my breathing feels funny since I put the serum on", true},
		{"my glands in my neck are up and sore", true},
		{"do I need to worry about infection if I touched my face?", false},
		{"I get heavy breathing when anxious", false},
		{"spots all over my forehead, itchy, normal?", false},
		{"my breath smells funny after the numbing", false},
		{"my skin is warm to the touch but not sore, is that ok", false},
		{"slightly puffy around the eyes, will it go down?", false},
		{"the redness is a bit worse than I expected but not painful, is it normal?", false},
	})
}

// Signs typed in a hurry: a dropped g, a short misspelling, slang.
func TestRedFlagsTypedInAHurry(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"lips r swelin up", true},
		{"its oozin yellow stuff", true},
		{"got a cold sor on my lip", true},
		{"face swollen and hurts like hell", true},
		{"tongue feels fat and tingly", true},
		{"my throat feels funny and tight", true},
		{"no puss or anything just red", false},
		{"lips a bit tingly after the serum, normal?", false},
	})
}

// Signs in a clinician's words, as patients who are nurses or doctors write
// them, and a temperature with a decimal point.
func TestRedFlagsClinicalWords(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"Day 2 post procedure: increasing erythema with induration over the left malar area", true},
		{"I'm pyrexial since this morning", true},
		{"angioedema of the lips developing over the last hour", true},
		{"mild dyspnoea since applying the serum", true},
		{"I had a syncopal episode after standing", true},
		{"paraesthesia down the left side of my face", true},
		{"diplopia when looking to the right", true},
		{"photophobia and a severe headache since this afternoon", true},
		{"tender cervical lymphadenopathy on the right", true},
		{"haemorrhage from one puncture site not controlled by pressure", true},
		{"38.5 temp since last night", true},
		{"mild erythema as expected, can I use the serum?", false},
		{"petechiae noted immediately post treatment, do they resolve?", false},
		{"history of HSV, should I take prophylaxis before my appointment?", false},
		{"I was a bit lightheaded in the chair but fine since, can I drive home next time?", false},
		{"I had treatment on the 3.5mm setting. Is that deep?", false},
	})
}

// Signs with a cause of their own, away from the treated face, or over.
func TestRedFlagsAwayFromTheTreatment(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the pharmacist said the blisters on my hand are eczema, can I still use the serum on my face?", false},
		{"I've got a blister on my thumb from gardening, can I apply serum with that hand?", false},
		{"the blisters I had on day 2 have healed, can I use my normal moisturiser now?", false},
		{"can a cold sore be triggered by microneedling?", false},
		{"the red streaks are from my hair dye running in the shower, will it stain?", false},
		{"I got hives from strawberries as a kid, could the serum cause that?", false},
		{"blisters all over my cheek and the redness has gone", true},
		{"the swelling around my eyes has gone but my lips have blown up", true},
	})
}

// A sign on someone else, named after it: "hives all over my daughter".
func TestRedFlagsOnSomeoneElse(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"there's pus on my son's chin from a spot, can I still kiss him after my treatment?", false},
		{"hives all over my daughter after she ate peanuts, can I leave the serum at home?", false},
		{"swollen lips on my baby from teething, can I still do my serum?", false},
		{"blisters on the dog's paw, should I wash my hands before the serum?", false},
		{"my job involves treating infections, can I go to work tomorrow?", false},
		{"my son says my lips look swollen and I can feel them getting bigger", true},
		{"I'm a nurse and I think this is cellulitis, it's hot and spreading", true},
		{"pus on my chin in front of my husband, so embarrassing", true},
	})
}

// A question how common a sign is, about the person's own ("like these"),
// is no general one.
func TestRedFlagsGeneralQuestionAboutOnesOwn(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"is it common to get blisters like these on day 2? I have loads", true},
		{"how common is swelling like this, my eyes are nearly shut", true},
		{"how common are blisters after microneedling?", false},
		{"is it common to get a fever afterwards?", false},
	})
}

// A sign that passed, told in the clause after "but", and rashes and
// breathlessness with everyday causes.
func TestRedFlagsPassedOrEveryday(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"The redness got worse after my hot shower but went down again after an hour, is that ok?", false},
		{"my lips felt swollen this morning but it has settled now", false},
		{"I have a rash on my neck from my new necklace, can I still use the serum on my face?", false},
		{"I'm breathing heavy from running up the stairs, is sweating ok?", false},
		{"heat rash from the gym on my chest, can I shower?", false},
		{"my rash is itchy and spreading", true},
		{"the redness is worse today than yesterday and it's hot", true},
		{"pain's about a 7 now and throbbing", true},
		{"it settled overnight but this morning my face is oozing", true},
		{"my lips were fine but now they are swelling up", true},
	})
}

// Someone writing for the patient tells the patient's signs: a proxy phrase
// ("writing for", "on behalf of", "what should we do?") or a third party
// who had the treatment, in a message that says nothing of "I" or "me".
// People in general, and someone else's treatment asked about for oneself,
// stay someone else's.
func TestRedFlagsWrittenForThePatient(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"Messaging on behalf of my mother, her cheeks have gone hot and she's got a temperature", true},
		{"Texting for my girlfriend: her eyelids are puffing up fast since lunch", true},
		{"my son had the needling on tuesday and now his chin is oozing yellow stuff", true},
		{"Her lips keep getting bigger since she put the serum on, should we go to A&E?", true},
		{"My dad had it done this morning and says everything looks blurry", true},
		{"her cheeks are ballooning fast, what should we do", true},
		{"my brother had the treatment with me and his eyelid is swelling shut", true},
		{"my friend felt faint after her session, could that happen to me?", false},
		{"saw a post about someone with pus after microneedling, how common is it", false},
		{"my friend who drove me home came over faint at the sight of the needles, anyway is redness normal?", false},
	})
}

// Vocabulary of kinds of sign patients describe in their own words: a
// wound that bleeds or leaks, a face that droops, an eye that will not
// focus, being sick, a black patch, swelling that comes up fast, crusts
// that spread, bleeding that cannot be stopped told with its reason.
func TestRedFlagsKindsInPatientsWords(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the skin on my chin has come off and it's raw and bleeding", true},
		{"theres a bit near my nose thats split open and clear water comes out", true},
		{"my mouth is drooping on the left since this evening", true},
		{"my left eye just won't focus properly", true},
		{"my eye is sore and I can't see anything out of it", true},
		{"been throwing up all night and my face is boiling", true},
		{"one spot on my jaw has turned black and it really hurts", true},
		{"my cheeks are swelling up so fast", true},
		{"the scabs on my forehead are spreading further every day", true},
		{"my nose keeps bleeding and I can't get it to stop, I take warfarin", true},
		{"I feel rotten and shivery", true},
		{"lips swole up n trbl swallowin", true},
		{"ma cheeks are roastin and am boakin", true},
		{"I've been freezing cold and shaking even with the heating up full", true},
		// Not now, or not the sign.
		{"is a bit of pinpoint bleeding normal on the first night?", false},
		{"shivering because the heating is off, is the tightness normal?", false},
		{"got a black eye from netball weeks back, all healed", false},
		{"black and blue round my eye and a bit sore, normal?", false},
		{"how quickly does swelling usually go down", false},
		{"a bit of skin by my nose has turned black", true},
	})
}

// Cues of mood in the words people use: "years back", "unrelated", asking
// whether a product ever causes a sign, at what temperature to call,
// stinging out in the sun.
func TestRedFlagsMoodCuesInEverydayWords(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"I had hives a couple of years back, can I still use the serum?", false},
		{"got a headache with flashing lights, unrelated. how long does redness last?", false},
		{"does the serum ever cause swelling?", false},
		{"at what temperature should I ring the clinic?", false},
		{"my face burns a bit in the sun, is that normal?", false},
		{"the pus was drained yesterday, is it ok to shower", false},
		{"the blister I had on day 2 was drained by the nurse, can I shower", false},
		{"the pus was drained but now it's oozing again", true},
		{"my face burns badly and I haven't even been in the sun", true},
	})
}

// Formal and clinical descriptions of swelling that progresses and of a
// face that droops or goes weak.
func TestRedFlagsFormalDescriptions(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"Periorbital oedema is progressing since this morning", true},
		{"I observe swelling with impaired eyelid opening on the right", true},
		{"There is some facial asymmetry since the procedure, left side", true},
		{"I have numbness and weakness of the right cheek", true},
		{"Is swelling progressive over the first days?", false},
	})
}

// German, Italian and Portuguese words for swelling, burning, crusts and
// fluid, read through the glossary.
func TestRedFlagsMoreWordsInOtherLanguages(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"Mein Gesicht ist stark geschwollen seit heute Morgen", true},
		{"Le croste gialle sulla guancia si allargano", true},
		{"Está saindo um líquido amarelo do meu rosto", true},
		{"J'ai des croûtes jaunes sur la joue depuis hier", true},
		{"Tengo costras amarillas en la barbilla", true},
		{"Ich habe gelbe Krusten auf der Wange", true},
		{"Ik heb gele korsten op mijn kin", true},
		{"Estou com crostas amarelas no queixo", true},
	})
}

// Round 6 mechanisms, each with its contrast: a later clause saying a sign
// is over, an "if" after the sign, "a side effect" asked in general, a
// whole-body sign explained after "but", a past cue with the sign told now
// in a later clause, and a cause that only describes a thing.
func TestRedFlagsRoundSixMechanisms(t *testing.T) {
	runUrgency(t, []urgencyCase{
		// Over, told of "it" or "they" in a later clause.
		{"had a blister on my chin on day one, it's completely healed now, can I use makeup?", false},
		{"got hives from a wasp sting last week, they've cleared up, is the serum ok?", false},
		{"blisters on my cheek, they've gone bigger overnight", true},
		{"pus in two spots, they haven't gone down at all", true},
		{"hives on my neck and the redness has settled", true},
		// An "if" after the sign that says it comes.
		{"do I pop blisters myself if any appear?", false},
		{"what cream for pus spots if they turn up", false},
		{"my face is weeping, should I come in or see if it stops?", true},
		// "A side effect" asked in general, unless it is the person's own.
		{"is feeling faint a common side effect?", false},
		{"is my fever a side effect of the needling?", true},
		{"I'm shivery, is this a side effect?", true},
		// A whole-body sign and a cause right after "but"; not a local sign.
		{"bit feverish but I've had the flu all week", false},
		{"feel a bit dizzy but I skipped breakfast", false},
		{"cheek is oozing but I have a cold", true},
		{"feverish but I don't have a cold or anything", true},
		// A past cue, and the sign told now in a later clause.
		{"some serum went in my eye during the session, it's red and gritty now", true},
		{"felt faint during the session but I'm fine now", false},
		// A cause cue that only describes a thing.
		{"held a cold flannel on it and it's still bleeding after an hour", true},
		{"shivering because of a cold, can I shower?", false},
	})
}

// New kinds of sign in lay words, each beside an everyday contrast.
func TestRedFlagsRoundSixKinds(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"half my cheek has gone numb and it's spreading", true},
		{"my top lip won't move properly on one side", true},
		{"what's your phone number", false},
		{"sharp shooting pains along my jaw since this morning", true},
		{"my eye feels gritty and it's bloodshot", true},
		{"the bruising is spreading down towards my neck", true},
		{"the spots have turned into ulcers", true},
		{"my nose keeps bleeding since the treatment", true},
		{"I've had a nosebleed for half an hour that won't stop", true},
		{"tiny fluid bubbles along my eyelid", true},
		{"raised red blotches all over my face after the serum", true},
		{"can't feel my chin at all", true},
		{"feel really weak and wobbly today", true},
		{"she seems muddled and her face is hot", true},
		{"I'm confused about when to use the serum", false},
		{"the puffiness is loads worse today", true},
		{"a little swollen under my eyes this morning, normal?", false},
		{"the peeling looks like a sunburn, normal?", false},
	})
}

// Written for the patient: "underwent", "had it for his scars", "since
// her facial", and an "I" who acts for them.
func TestRedFlagsWrittenForThePatientRoundSix(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"My husband underwent microneedling yesterday and has a high temperature", true},
		{"my daughter had it for her acne scars and now she's got a fever, should I take her to the GP?", true},
		{"mum's had a temperature since her facial on Monday", true},
		{"my friend had it done and got a fever, will I get one too?", false},
	})
}

// From the f10 round: "can happen" asks in general unless it points at
// one's own; "the daughter of" writes for the patient; purple swelling; an
// eye that light hurts; an old infection as the cause; "would that mean"
// and "is it possible to be" are hypothetical.
func TestRedFlagsRoundSixF10(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"are blisters something that can happen after this?", false},
		{"my lips are swelling, can that happen?", true},
		{"I'm the son of a patient who had a treatment with you on Monday, he's gone very confused and has a fever", true},
		{"one cheek has gone purple and swollen", true},
		{"my eye is really painful and light hurts it", true},
		{"I've had a temperature from a sinus infection for days, can I use the serum?", false},
		{"if my face gets hot, would that mean it's infected?", false},
		{"is it possible to be allergic to the serum?", false},
	})
}

// From the f12 round: a cause denied is none; a sign said to begin with
// the treatment is not explained by another cause in its sentence; a cause
// inside a sign ("a cold" of "a cold sore") is part of it; numbness that
// won't go away; redness that has grown; eyes puffed right up.
func TestRedFlagsRoundSixF12(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my cheek is still numb and it's not the numbing cream, that wore off hours ago", true},
		{"lips feel numb from the numbing cream still", false},
		{"been coughing and now my throat feels tight, it started straight after the serum", true},
		{"been coughing all week with my cold and my throat feels tight", false},
		{"the sun makes my face feel like it's burning more after treatment, why?", false},
		{"there's a cold sore coming on my lip since the facial", true},
		{"my jaw has a tingly numb feeling that won't go away", true},
		{"the red patch has grown since lunchtime", true},
		{"my eyes puffed right up after the serum", true},
		{"can't feel the tip of my nose properly", true},
	})
}

// From the f13 round (signs told by their effects): a reader addressed
// ("Mate, …") is no one else; "Husband here" and "face was done Saturday"
// write for the patient; "she keeps asking me" leaves her the patient; a
// longer picture after "like" is a comparison; "a bad sign?" asks in
// general; a dropped g is read as English ("writin for").
func TestRedFlagsRoundSixF13(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"mate my face has come up in welts everywhere", true},
		{"my mate has welts from a wasp, can I still use the serum?", false},
		{"Dad here. Her lips have swollen right up", true},
		{"my sister's face was done on Friday and now she's got a fever", true},
		{"my wife had it done on Monday and keeps telling me her face is burning like fire", true},
		{"a red line down my neck, like somebody drew on me with a pen", true},
		{"is a weepy crust a bad sign? mine's dry", false},
		{"writin for me nan, she's shakin and burnin up since the facial", true},
		{"the redness is creeping down onto my chest", true},
		{"thermometer says 39.2", true},
		{"the white of my eye has gone red", true},
		{"the room keeps tilting", true},
		{"face was really hot last night but it's cooled right down", false},
		{"broke out in tiny bumps on day 2", false},
	})
}

// From the f14 round (a realistic inbox): "from her treatment" writes for
// the patient; a sign the person says they always get, pointing back at
// it, is habitual, unless it is happening now; spots that leak or have
// gone yellow; a rash that appeared; "hotter and hotter"; bleeding through
// tissues; "can it get infected?" and "I read…" ask in general.
func TestRedFlagsRoundSixF14(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my dad is not making sense since we got back from his treatment", true},
		{"had a nosebleed yesterday, I always get them in winter. can I shower?", false},
		{"my nose is still bleeding, I always get them but not this long", true},
		{"two spots leak when I touch them", true},
		{"a blotchy rash popped up on my chin tonight", true},
		{"my cheeks are getting hotter and hotter", true},
		{"it's bled through two tissues", true},
		{"spots of blood on my pillow this morning, all dry now", false},
		{"can it get infected?", false},
		{"I read it can scar if you pick it, is that true?", false},
	})
}

// From the f15 round (many backgrounds, some messages wholly in other
// languages): stems of languages the glossary does not list (Russian,
// Turkish, Arabic, Urdu, Chinese, Tagalog), Hinglish words, "Mum's face"
// writes for the patient, "since yesterday's treatment" names it, "mine"
// is the writer's own, a longer window for a rule's terms.
func TestRedFlagsRoundSixF15(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"у меня поднялась температура и лицо сильно опухло", true},
		{"у меня нет температуры, всё хорошо", false},
		{"yüzüm şişti ve ateşim var", true},
		{"وجهي منتفخ ولا أستطيع التنفس", true},
		{"脸上流脓了，还发烧", true},
		{"没有发烧，也没有流脓", false},
		{"چہرے پر چھالے ہیں", true},
		{"mujhe bukhar hai aur chehre pe chhale", true},
		{"Dad's face has swollen right up overnight", true},
		{"my dad's face is swollen from his hay fever, can I still come in?", false},
		{"my husband's lips swelled after his last year, mine are just a bit dry", false},
		{"she says her vision is blurry since yesterday's treatment", true},
		{"the redness was only on my cheeks but now it has spread down onto my chest", true},
		{"my top lip is double the size now", true},
	})
}

// From the f16 and f17 rounds: a dash between words opens a clause (an
// "if" before it makes nothing after it hypothetical); Japanese through
// stems.txt; a head that is foggy, drowsy and confused; bleeding that
// won't clot; sight gone blurry; hive-like welts; "can microneedling give
// you…" is hypothetical; a sign the person says is "nothing" stays negated.
func TestRedFlagsRoundSixF16F17(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"was going to ask if I can shower tonight - also there are blisters on my chin", true},
		{"if I get blisters - what do I do?", false},
		{"両目のまわりが腫れて、よく見えません", true},
		{"腫れも熱もありません", false},
		{"my head feels all foggy and I keep forgetting things", true},
		{"my mum had it done and she's drowsy and confused this evening", true},
		{"one spot on my nose won't clot", true},
		{"my left eye has gone blurry", true},
		{"big hive things on my neck", true},
		{"saw a hive of wasps in the shed", false},
		{"can microneedling give you an infection?", false},
		{"nothing weeping, nothing hot, just itchy", false},
	})
}

// From the f18 and f19 rounds: "if anything" supposes nothing; redness
// past where the treatment was done; a relative "what do I do??" about;
// treatment named by the serum or the clinic; a cold sore that has come up
// is now even if the person always gets them; eyes gummed shut; a pain
// score on a scale; talking nonsense; a little boy is someone else.
func TestRedFlagsRoundSixF18F19(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the redness isn't fading, if anything it's spreading", true},
		{"the redness has gone past where you did the treatment", true},
		{"my nan can't catch her breath and her lips are swelling, she had it done today, what do I do??", true},
		{"my brother fainted after putting the serum on and he's still pale", true},
		{"cold sore has come up on my lip, I always get them when I'm run down", true},
		{"had a nosebleed, I always get them in dry weather", false},
		{"my eye is gummed shut this morning", true},
		{"on a scale of 1-10 it's a 9", true},
		{"my dad is talking nonsense since he got back from the clinic", true},
		{"my little boy has a fever, can I still use my serum?", false},
	})
}

// From the f20 and f21 rounds: "not me" after someone else's sign makes
// it theirs; bleeding that has started again; a sign of "just that one
// morning" is over; a tattoo is another cause.
func TestRedFlagsRoundSixF20F21(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my sister has a cold sore, I don't. can I visit her?", false},
		{"Bleeding again. It won't stop", true},
		{"she felt faint just that one morning", false},
		{"my mum had pus and a fever after a tattoo once, is microneedling safer", false},
		{"my son has a fever", false},
	})
}

// Round seven: a "she" or "he" that names no one else is the patient,
// written for; skin gone grey or black, or blue-grey and cool; swelling or
// bruising still there after two weeks or not improving; a spot become
// very painful; gritty red eyes; coming over faint; bleeding the person is
// unable to stop. "Allergic to" takes its own object as the cause only, and
// a grandchild or a flu shot is another person or cause.
func TestRedFlagsRoundSeven(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"Her eyelids are puffing up and she says her throat feels tight", true},
		{"She is wheezing and struggling to catch her breath now", true},
		{"my daughter has a fever, she's fine otherwise", false},
		{"she has a fever, can I still come in tomorrow?", false},
		{"a patch next to my nose has gone almost black", true},
		{"one bit of my cheek is a bluish grey colour", true},
		{"the patch under my eye feels cold to the touch and looks pale", true},
		{"bruise still there after a week, what do i do", false},
		{"day 12 and the swelling on my jaw is no better", true},
		{"a spot near my ear has become really painful today", true},
		{"my right eye is red and gritty", true},
		{"I came over all faint in the kitchen", true},
		{"just faint pink now, nothing else", false},
		{"I am unable to stop my chin bleeding", true},
		{"I'm allergic to penicillin, is there any in the serum?", false},
		{"I think I'm allergic to the serum, I'm itchy all over my neck", true},
		{"my granddaughter got blisters after her session at another place, what should I look out for?", false},
		{"I've got a fever from my flu shot yesterday", false},
		{"I have a nasty cold with a fever", false},
	})
}

// Round seven, g2: "when I was putting it on" is no long-ago past; a cough
// explains no wheeze; itchy swollen hands and feet; weeping scabs; skin
// peeling off wet underneath; a lump that keeps growing; a bruise going
// darker not lighter; puffy itchy eyelids; a lip that tingles before a
// bump; a child of some years, a man on a plane or a person "not treated"
// is someone else; fainting from squeamishness or a bee sting has a cause;
// blisters that have all dried up are over.
func TestRedFlagsRoundSevenG2(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"some serum went in my eye when I was putting it on and it's burning", true},
		{"when I was a teenager I had blisters from the sun", false},
		{"a bit wheezy and coughing since this afternoon", true},
		{"my hands and feet are itchy and swollen now too", true},
		{"the scabs weep when I touch them", true},
		{"skin's peeling off in sheets and wet underneath", true},
		{"there's a lump on my cheek and it keeps growing", true},
		{"the bruise is going darker not lighter", true},
		{"my eyelids are puffy and itch like mad", true},
		{"my lip is tingly and there's a little bump at the edge", true},
		{"my 4 yr old has a temperature of 38, can I still use my serum?", false},
		{"the guy next to me on the train was coughing with a fever", false},
		{"I felt faint being so squeamish when they showed me the video", false},
		{"the little bubbles on my forehead have all dried up and gone now", false},
	})
}

// Round seven, g3 and g4: red flags in Tagalog, Vietnamese, Hindi and
// more Arabic and Portuguese words; a message the detector takes for
// English but whose words stems.txt reads is another language; "brother",
// "habibi", "sir" address the reader; water balls are blisters; swelling
// that increases, eyes almost closing, a bruise bigger than before, eyes
// that cannot look at light, a numb scalp, spots multiplying; "back in
// 2021", "last December" are over; the gripe the family has is a cause.
func TestRedFlagsRoundSevenG3G4(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"Nahihilo ako at parang hihimatayin", true},
		{"Mặt tôi bị sưng và có mủ", true},
		{"मेरे चेहरे पर सूजन है और बुखार है", true},
		{"وجهي منتفخ وعندي قشعريرة", true},
		{"Estou com a boca dormente desde o tratamento", true},
		{"brother there is yellow stuff coming out of the holes on my cheek", true},
		{"my cheek has small water balls on it", true},
		{"the swelling is increasing every day", true},
		{"my eyes are almost closed this morning", true},
		{"the bruise is now bigger than a coin", true},
		{"my eye is streaming and I can't look at the light", true},
		{"the treated area on my scalp has gone completely numb", true},
		{"the little spots are multiplying, way more than this morning", true},
		{"had a cold sore back in 2021, will I get one now?", false},
		{"I had a cold sore last December, will it come back?", false},
		{"little fever, it's the gripe, all the family have it", false},
	})
}

// Round seven, h1–h3: a patch gone pale, grey or purple and cold; swelling
// not going down at all, or puffier; skin that feels about to burst, hot
// and shiny, or with a heartbeat in it; an eye that hurts to blink or is
// swollen completely shut; spots joined up into a hot patch; bleeding that
// has not stopped; fluid under a swelling; a cold-sore medicine named;
// someone in an ambulance. Asking whether to go to A&E is not itself a red
// flag, a red line running up the face is no run up the stairs, and "the
// lighting" explains looking grey.
func TestRedFlagsRoundSevenH(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"a patch by my nose has gone kind of white and cold", true},
		{"the tip of my nose has gone dark grey", true},
		{"there's a dark purply patch on my cheek and it's kinda cold", true},
		{"my jaw is not going down at all, if anything the swelling is puffier", true},
		{"my cheek is hot and shiny and feels like it's going to burst", true},
		{"I can feel my heartbeat in my cheek", true},
		{"my eye hurts when I blink", true},
		{"his eye has swollen completely shut", true},
		{"the little red dots have joined up into a big hot patch", true},
		{"the bleeding on my chin hasn't stopped", true},
		{"there's a soft bit that feels like fluid under it", true},
		{"can I put Zovirax on it?", true},
		{"I'm in the ambulance now", true},
		{"should I go to A&E if my face is just red?", false},
		{"there's a red line running up from my eyebrow, warm to touch", true},
		{"mum says I look grey but it's just the lighting", false},
	})
}

// Round seven, i1 and i2: swelling not going down or no better after four
// days or more (the sheet: consult the practitioner if it persists), but
// not a bruise merely still there; swelling even worse, or "worse rather
// than better"; a yellow head in a swelling; serum that ran into an eye;
// numbness that started an hour ago. Over or told by a doctor: "grand
// now", "calmed down", "the doctor said it was";
// "eyesight" alone is no sign; forgetting to use the serum is no
// confusion; a buddy is someone else, a booster a cause.
func TestRedFlagsRoundSevenI(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"day 6 and the swelling on my jaw still hasn't gone down", true},
		{"it's been a week and the swelling round my eyes is not any better", true},
		{"bruise still there after a week, what do i do", false},
		{"the swelling is getting worse rather than better", true},
		{"it's all swollen with a yellow head in the middle", true},
		{"my eye is stinging since some serum ran into it", true},
		{"numbness along my upper lip, started an hour ago", true},
		{"my eye's grand now", false},
		{"the doctor said it was an allergic reaction and she's fine now", false},
		{"my eyesight isn't good so I can't check my face", false},
		{"he keeps forgetting about the serum", false},
		{"my walking buddy has a blister that's gone oozy", false},
		{"I feel shivery after my covid booster", false},
	})
}

// Round eight, j1–j4: eye pain; vision doubled or shadowed; spreading told
// as "it's spreading" or reaching the neck; skin grey, waxy or sunken, or a
// patch getting harder; pain or stinging more than before, "if anything
// worse"; itch turned to burning; a reaction each time the serum goes on;
// cracked skin that bleeds; a smell from the skin; shivering, a hot body;
// Korean, Punjabi and Urdu words. A whole-body sign told after an illness
// in an earlier clause is explained by it ("had the flu last week, still
// feverish"); "mine" after "of" is someone else's; an "I" that only
// worries is no patient; "did microneedling" says who was treated;
// "actually no" answers a sign; "can go grey" is general; "green" is no
// form of "grey"; tightness round the mouth is no throat swelling.
func TestRedFlagsRoundEightJ(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my left eye really hurts since the session", true},
		{"everything looks double when I read", true},
		{"there's a shadow across my vision on the right", true},
		{"it's spreading. it was a small patch this morning", true},
		{"the redness has gone all the way to my neck and it's hot", true},
		{"the skin on my chin looks a bit grey", true},
		{"one patch on my cheek is getting harder and looks waxy", true},
		{"it's stinging way more than before and I haven't used anything", true},
		{"red after 10 days and if anything it's redder", true},
		{"the itch turned into burning this afternoon", true},
		{"my cheeks go red and bumpy every time I put it on", true},
		{"the skin by my mouth is cracked and bleeding", true},
		{"there's a weird smell coming from my chin", true},
		{"I can't stop shivering", true},
		{"my body is hot and I feel weak", true},
		{"어제 시술 받았는데 입술이 부었어요", true},
		{"ਮੇਰਾ ਚਿਹਰਾ ਸੁੱਜ ਗਿਆ ਹੈ ਅਤੇ ਦਰਦ ਵੱਧ ਹੈ", true},
		{"my husband did microneedling on Friday and now his eye is swollen shut", true},
		{"my daughter had it done, her lips are puffing up, I'm not sure what to do", true},
		{"had the flu last week before my appointment, still a bit feverish. is that ok?", false},
		{"I feel a bit faint but I'm fasting today", false},
		{"a friend of mine got hives after hers, how common is that?", false},
		{"I thought I had a fever? actually no, it was the heating", false},
		{"my sister says skin can go grey after this, is that true?", false},
		{"can I put a green colour corrector on the redness?", false},
		{"still tight round my mouth on day 3, is that normal?", false},
	})
}

// Round nine (blind sets k1–k4): a dialect "me" owns what follows it;
// "carer for", "the one who had it", "too embarrassed to message", "make
// the treatment" and "had his scalp microneedled" say who was treated; an
// "I" that only writes or asks is no patient; vomiting with a headache or
// twice; a leaking swelling; a smell off the face; a patch gone white, pale
// or bluish; red and hot between the spots; swelling back and double, or
// hard; an eye that won't open or close; a smile that doesn't work; a noisy
// breath; "not seeing any" negates; "I don't think it's infected" too; a
// cause told after "but" in words of food, drink or weather; a sunburn
// feeling turned into blisters is no sunburn; "ought to be improving" is
// no improvement; "I assumed it was the numbing cream" explains nothing.
func TestRedFlagsRoundNineK(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"me face is swellin right up and me lips an all", true},
		{"I'm a carer for my neighbour, she had microneedling Tuesday and today she's feverish. Thought I should ask", true},
		{"my wife is the one who had the treatment, not me, and she's got the chills", true},
		{"my boyfriend is too shy to message, his chin has pus coming out", true},
		{"my brother had his neck microneedled, now it is weeping", true},
		{"been sick three times since this morning and my head is splitting", true},
		{"the swollen bit under my eye is leaking now", true},
		{"there's a right pong off my cheek", true},
		{"one patch on my temple went white and it's cold", true},
		{"a bit of skin by my nose has gone bluish", true},
		{"the spots are yellow and the skin round them is going red and hot", true},
		{"the swelling came back double this morning", true},
		{"the swelling is hard and bigger on day 3", true},
		{"can't close my right eye properly since last night", true},
		{"my smile is lopsided today", true},
		{"her breathing is making a whistling noise", true},
		{"the sunburn feeling turned into blisters overnight", true},
		{"my eyes got more swollen on day 3 when they ought to be improving", true},
		{"numb patch on my jaw still there since Monday, I assumed it was the numbing cream", true},
		{"not seeing any pus or anything, just flaky", false},
		{"I don't think it's infected, it's only pink", false},
		{"shivering but the boiler broke, face is fine", false},
		{"feel sick but it was the dodgy sushi", false},
		{"dizzy but I've not eaten since breakfast", false},
		{"my friend had hers done and got an infection, I'm scared that will happen to me", false},
		{"the redness is spreading?? no wait, it's the light", false},
		{"I get cold sores now and again, should I cancel?", false},
		{"what do you do if you can't stop vomiting", false},
	})
}

// Round nine, after m1–m2: a condition only named in a question whether it
// is one ("is it an allergy?") is no sign; "is X possible" is general; a
// patch gone cold or blanched, a grey bit by the nostril; "stopped" closes
// what it says of; habits ("quite often"), what the writer "convinced
// myself" of, a bitten lip, leg day, a night shift explain.
func TestRedFlagsRoundNineM(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"there's a blanched patch on my chin", true},
		{"a patch by my lip has gone cold and pale", true},
		{"the grey bit by my nostril is new today", true},
		{"pus coming out of two spots, is that an infection?", true},
		{"I think it's infected?", true},
		{"my cheeks itch a lot, is it infected?", false},
		{"is itching normal or is it an allergy?", false},
		{"is a bad reaction possible from the serum?", false},
		{"the oozing I had on day 1 stopped this morning", false},
		{"I get cold sores quite often, what if one comes?", false},
		{"I convinced myself it was angioedema but it's gone down now", false},
		{"my lip is swollen because I bit it", false},
		{"aching all over but that's leg day", false},
		{"eyes bloodshot from being up all night on shift", false},
	})
}

// Round nine, after m1 (voice typing and young texters): spoken
// punctuation ("full stop") ends a sentence; "coal sore"; yellow coming out;
// wet and yellow under a crust; a mouth dropping on one side, a smile that
// won't come on one side; "gone num"; an eye too swollen to open; "had
// micro needling"; "won't message you himself so I'm doing it"; "I thought
// it was meant to get better" is no past; lumpy and burning; easy bruisers,
// snow, tequila, a little brother's fever and "2 yrs ago" are not signs.
func TestRedFlagsRoundNineVoice(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"got a coal sore on my lip full stop had the treatment monday", true},
		{"theres yellow coming out of one of the holes", true},
		{"it is wet and yellow under the scab", true},
		{"the side of my mouth is dropping", true},
		{"i cant smile on one side", true},
		{"my cheek has gone num", true},
		{"my eye is too swollen to open", true},
		{"my sister had micro needling friday and now she is shivering", true},
		{"my wife won't message you herself so I'm doing it, her lips are swollen", true},
		{"the swelling is worse than day one my eyes are almost shut I thought it was meant to get better", true},
		{"my face is all lumpy and burning", true},
		{"can't smile properly, my face is so tight", false},
		{"I had a cold sore years ago full stop will it come back", false},
		{"small bruise, I bruise really easily anyway, my legs are always covered", false},
		{"shivering cos its snowing and I walked home", false},
		{"threw up last night but that was the tequila", false},
		{"my lil bro has a fever, can he come to my appointment", false},
		{"had a cold sore like 2 yrs ago does that matter", false},
	})
}

// Round nine, after m3 (comparisons and several questions at once): a red
// patch the size of a coin now; swelling moving across the forehead; grit
// or an eyelash under the lid; light that makes one squint; breathing
// through a straw; an eyebrow that won't lift anymore; a white cold patch;
// "I've got 38.1"; "he didn't have anything done" settles whose signs they
// are; giving blood explains a light head; "is it normal to get a fever"
// asks in general; protein shakes are no shakes.
func TestRedFlagsRoundNineCompare(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the red patch is the size of a 50p now, it was a 5p this morning", true},
		{"the swelling is moving across my forehead", true},
		{"feels like there's grit under my eyelid", true},
		{"my eye is sore and the light makes me squint", true},
		{"feels like I'm breathing through a straw", true},
		{"one eyebrow won't lift anymore", true},
		{"white cold patch on my chin", true},
		{"I've got 38.1 now and feel awful", true},
		{"my husband's cheek is oozing, he didn't have anything done, can he use my serum?", false},
		{"bit lightheaded but I gave blood this morning", false},
		{"is it normal to get a fever after this or is that bad?", false},
		{"can I have protein shakes after?", false},
	})
}

// Round ten (n1–n5: carers' diaries, men treated on the body, very short
// messages, older patients, mixed-language students): in our own words.
func TestRedFlagsRoundTen(t *testing.T) {
	runUrgency(t, []urgencyCase{
		// emoji standing for the sign
		{"🤒🤒 since tea time", true},
		{"🤮 twice this evening", true},
		{"cheek 🟢 and crusty", true},
		// carers: who was treated, told in passing
		{"Dad day 4: his cheek is oozing", true},
		{"Day 3 Gran: she is shivering under two blankets", true},
		{"Nana is very dizzy tonight, face done on Monday", true},
		{"my aunt is really breathless, she was treated this morning", true},
		{"Dad is being sick, treatment was yesterday", true},
		{"Grandad says his face smells funny and it's wet", true},
		{"hubby's scalp is weeping, he says it's nothing but I am", true},
		{"my uncle, he have the treatment yesterday, now he is shivering", true},
		// a sign told of "they" in the next sentence
		{"lots of little spots on my chin. they are getting bigger every hour", true},
		{"got spots all over my jaw, loads of them and they hurt", true},
		// worse than a normal course, in lay words
		{"the bruise is bigger and darker today", true},
		{"the pain gets more and more every day", true},
		{"face went redder each day, now it's hot too", true},
		{"my eyes water when I look at the light, it's killing them", true},
		{"one corner of my mouth is hanging down", true},
		{"my top lip has gone dead and won't come back", true},
		{"lip numb", true},
		{"thrown up since lunch", true},
		{"my face is huge", true},
		{"the patch on my neck smells off", true},
		{"cold soar on my lip today", true},
		{"it's gone blotchy, raised and burning on my arm", true},
		{"swelling still not any better on day 6 and getting bigger", true},
		{"my wife's jaw is swollen and she says swallowing is hard, can she wait till morning?", true},
		{"Dad wants to know if he can shower, and he has been shivery since tea", true},
		{"the bruise on my temple is not fading, if anything it seems larger", true},
		{"the bleeding stopped within ten minutes, it's only red now", false},
		{"my partner has hives, can I still see him after my treatment?", false},
		{"Mum had hers done and she's fine, but Dad, who wasn't treated, has a temperature", false},
		{"felt faint on the train last Tuesday but that passed, may I use my powder?", false},
		{"should I take my aciclovir before my treatment?", false},
		// not the patient's, not now, not a sign
		{"the bruise is still there on day 5 but it's fading", false},
		{"my skin feels rough like sandpaper", false},
		{"I look like a boiled lobster, is that normal", false},
		{"can I use cooled boiled water with the serum", false},
		{"face is dead itchy tonight", false},
		{"had a slight temperature the first night but it went by morning", false},
		{"my daughter has a rash on her cheeks, could she have caught it from my face?", false},
		{"my brain's not working today lol, can I wear makeup?", false},
		{"I have high blood pressure, is the serum still ok?", false},
		{"been throwing up, it's the tummy bug the kids had", false},
		{"my mate had hers done elsewhere, her face is huge, is that normal", false},
		{"itchy bumps on my legs but it's midge bites, they are on my arms too", false},
	})
}

// Round ten, second half (o1–o4: workers on breaks, health-anxious
// first-timers, travellers, acne and rosacea patients): in our own words.
func TestRedFlagsRoundTenO(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the words on my laptop look fuzzy and doubled since this morning", true},
		{"woke after my night shift with one eye swollen shut", true},
		{"the sunburn on my cheeks has come up in blisters", true},
		{"the sunburn on my forehead has started weeping", true},
		{"my son is 19, his face is hot and the redness is spreading", true},
		{"she's 20 and says she can't catch her breath", true},
		{"swallowing feels strange and tight since the treatment", true},
		{"the red patch has gone past the line I drew round it", true},
		{"the redness got bigger every day and it's hot to the touch now", true},
		{"the spots on my chin are massive now and full of yellow", true},
		{"the bruise on my forehead has spread, covering half of it", true},
		{"I feel like I'm going to faint when I stand up", true},
		{"my lip is huge on one side, I'm panicking", true},
		{"is this an allergic reaction?? lips and breathing are fine, just pink", false},
		{"I'm the one who had the treatment, my son has a temperature, can I still do my serum?", false},
		{"reddit says itching means an allergy, mine is only itchy", false},
		{"my partner (who didn't have anything done) has a rash on his back", false},
		{"can I shower? I don't want to get an infection", false},
		{"the sunburn on my shoulders is sore, my face is only pink", false},
	})
}

// Round ten, last part (p1–p3: a clinic's fortnight, late-night messages,
// public-health descriptions in lay words): in our own words.
func TestRedFlagsRoundTenP(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"totally unrelated, but the spots on my chin have pus in them and it's hot round them", true},
		{"my wife says there are red lines running from my cheek to my ear", true},
		{"my bf said my eyelid looks swollen shut, I can barely open the right one", true},
		{"the swelling's gone down into my neck now", true},
		{"the crust came off and it's raw and wet under it", true},
		{"my cheek smells like off milk", true},
		{"the patch by my jaw is wet and sticky and it smells", true},
		{"there are yellowish patches on my pillowcase", true},
		{"the side of my nose looks mottled", true},
		{"the redness has spread up to my hairline", true},
		{"one of the spots is now the size of a marble", true},
		{"the swelling is double what it was last night", true},
		{"my lip dribbles out of one side when I drink", true},
		{"there's water underneath the skin where it lifted", true},
		{"head spins every time I get up", true},
		{"spots everywhere. like 30 of them, sore", true},
		{"the tenderness went from mild to really painful today", true},
		{"I get migraines with blurry vision, had one today, unrelated. how long is the serum for?", false},
		{"my sister says there's a red line by my mouth. turns out it was her lipstick", false},
		{"my husband has a cold sore, is it ok to kiss him?", false},
		{"my partner has a cold sore, will it spread to my face?", false},
		{"can microneedling set off cold sores?", false},
		{"I can barely see any redness on my brown skin, is that ok?", false},
		{"felt dizzy after but that was nerves, totally fine now", false},
		{"small purple mark under my eye tonight, will it fade?", false},
	})
}

// Round ten, q1–q2 (plain English and spelling by ear; people with an event
// coming up): in our own words.
func TestRedFlagsRoundTenQ(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my lips have gone big, like a duck", true},
		{"I think I'm going to throw up", true},
		{"my head is all spinny", true},
		{"there are red stripes going down my neck", true},
		{"it was a red dot, now it's the size of a coin", true},
		{"clear juice is coming out of my cheek", true},
		{"my cheek throbs like a heartbeat", true},
		{"I'm hot and cold at the same time", true},
		{"the lumps keep coming up, now on my tummy too", true},
		{"my lips look big in photos, can I get filler after?", false},
	})
}

// Round ten, r1–r3 (understatement, everyday texts, hard contrasts): in our
// own words.
func TestRedFlagsRoundTenR(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"sorry, probably nothing, but the pink is going further out each day", true},
		{"my chest feels a bit tight tonight", true},
		{"the eye on that side aches", true},
		{"a couple of the spots have little yellow heads and they throb", true},
		{"my wife had her cheeks done Monday. She won't text so I am, sorry. She's been vomiting tonight", true},
		{"my son had his acne scars treated, he's 21. new whiteheads, more each day, and they hurt. he says it's fine, I'm not so sure", true},
		{"mum had the needle thing on Monday and she has a high temperature", true},
		{"got a temperature and shivering, thought it was a cold but my face is hot too", true},
		{"woke with the pillow stuck to my cheek with gunk", true},
		{"bruise still there on day 7 and it's sore", true},
		{"my face looks redder than it did on day 1, and hot", true},
		{"a patch on my chin has gone white and hard, like dead", true},
		{"my forehead won't move when I frown", true},
		{"my cheeks are so swollen my glasses don't fit", true},
		{"do blisters ever happen after this?", false},
		{"the bruise is still there on day 6, not sore at all", false},
	})
}

// TestRedFlagsRoundEleven: kinds found missing in round eleven (s1–s5),
// in our own words.
func TestRedFlagsRoundEleven(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my skin is reacting really badly to it", true},
		{"pretty sure I'm having a bad reaction, day 1", true},
		{"about thirty whiteheads came up overnight on my chin", true},
		{"so many pustules on my cheeks now I can't count them, way too many", true},
		{"day 6 and the pain is the worst yet", true},
		{"the soreness is worse now than on day 1", true},
		{"my bruise looks more big today", true},
		{"the puffiness on my jaw is still there, 11 days on", true},
		{"I nearly passed out in the kitchen after my treatment", true},
		{"pins and needles in my top lip that won't stop, day 3", true},
		{"my chin feels like it's gone to sleep and it won't wake up", true},
		{"one corner of my mouth is going down when I talk", true},
		{"I can't raise my left eyebrow since the needling", true},
		{"I'm seeing two of everything tonight", true},
		{"everything looks steamed up when I try to read", true},
		{"my temperature is thirty nine and my face is throbbing", true},
		{"every bone aches and I'm freezing, face done Friday", true},
		{"there's yellow liquid on my jaw", true},
		{"the crust on my chin is still runny underneath", true},
		{"little bullae along my hairline", true},
		{"itchy lumps like mosquito bites all over my neck and arms", true},
		{"had a bit of weeping on day 2 but it's all cleared up now", false},
		{"a bit puffy under my eyes, less than yesterday", false},
		{"can microneedling make you blister?", false},
		{"what is a bad reaction?", false},
		{"I'm terrified of getting an infection, what signs should I watch?", false},
		{"my small boy has a fever he caught from school, I'm fine", false},
		{"can I sleep face down tonight?", false},
		{"it's not raised and not spreading, just blotchy", false},
	})
}

// TestRedFlagsRoundElevenB: more kinds from s1–s5, in our own words.
func TestRedFlagsRoundElevenB(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my friend had her cheeks done with you yesterday, she's too shy to text, her face is weeping", true},
		{"the white heads keep spreading, there were three this morning", true},
		{"only two pimples on day 1, now they're everywhere", true},
		{"it's reacting to the serum really badly", true},
		{"the mark on my jaw is bigger and darker today", true},
		{"swallowing feels like forcing down a stone", true},
		{"the pink is creeping more to the ear every day", true},
		{"it hurts more today than yesterday, day 5", true},
		{"little bubbles like a burn along my hairline", true},
		{"my dad is confuse since his treatment and his face is hot", true},
		{"my friend got a rash after hers at another salon, what rash would mean I should call?", false},
		{"my face is radiating heat tonight, treatment was this afternoon", false},
	})
}

// TestRedFlagsRoundTwelve: kinds found missing in round twelve (t1–t5),
// in our own words.
func TestRedFlagsRoundTwelve(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my wife had her microneedling on Monday; she's got a high fever tonight and won't let me ring anyone", true},
		{"I'm her carer. She had the treatment two days ago and now she's shaking and aching all over", true},
		{"my best friend had it done with you yesterday, she asked me to text for her, her eyes are swelling shut", true},
		{"my daughter had microneedling last week and now her chin is weeping yellow", true},
		{"the bruise from my microneedling 2 weeks ago is still there", true},
		{"my cheek is more painful now than it was a week ago", true},
		{"it's redder than Saturday and hotter", true},
		{"the redness isn't going down at all, day 4, and it's hot", true},
		{"the redness gets darker every day instead of settling", true},
		{"the spots are joining up into one big patch of pustules", true},
		{"under the flaky bit it's damp and yellowish", true},
		{"the needle holes look gooey and green", true},
		{"I can't get food down since the treatment", true},
		{"every part of me aches since the needling", true},
		{"my eyes are so sensitive to light today", true},
		{"the pain is unreal tonight", true},
		{"my face is kicking off, what do I do", true},
		{"a friend had hers done at another clinic and her face swelled up, does that happen often?", false},
		{"my sister had a fever after her microneedling years ago, I'm fine, can I shower?", false},
		{"the tightness is freaking me out a bit", false},
		{"I've got a huge bruise on my knee from football, face is just pink", false},
	})
}

// TestRedFlagsRoundTwelveB: signs that are over or explained, from t1–t5,
// in our own words.
func TestRedFlagsRoundTwelveB(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"neither of us has any fever, just pink cheeks", false},
		{"a little weeping on night one but it's dry now and flaky", false},
		{"a bit of ooze at first but that stopped quickly, now just tight", false},
		{"the bruise was darker on day 3, now on day 7 it is fading", false},
		{"I went a bit faint when I saw the blood during it, fine since", false},
		{"nearly fainted at the price of the serum lol, how many drops?", false},
		{"it was roasting on the train home, can I use a face wipe?", false},
		{"had a rotten week, can I have a bath yet?", false},
		{"the blister I had on day 1 has dried up now (day 4)", false},
		{"redness was fading yesterday but today it's spreading onto my neck", true},
	})
}

// TestRedFlagsRoundThirteen: kinds found in round thirteen (u1–u5), in our
// own words.
func TestRedFlagsRoundThirteen(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the red patch on my thigh has crept down towards my knee", true},
		{"tingling in my fingers that just won't go, hands done Tuesday", true},
		{"I can't bend my fingers since my hands were needled", true},
		{"I can't move the left side of my face", true},
		{"muddled and confused since the treatment, not right at all", true},
		{"my face is blowing up after the serum", true},
		{"day 5 and my cheeks are hotter and redder", true},
		{"my partner had tx yesterday and now has a 39 fever", true},
		{"my gf treated today and she can't breathe properly", true},
		{"my sister got it done on Friday and her throat is closing", true},
		{"there's still a purple mark on my jaw, 12 days after the needling", true},
		{"my vision has gone double", true},
		{"it gets redder every morning, day 5 now", true},
		{"I'm scared of the pus that's coming out of my cheek", true},
		{"scared of infection to be honest, everything looks fine", false},
		{"I'm afraid it will get infected, nothing wrong yet", false},
		{"cold sore free so far, anything to watch for?", false},
		{"I've had a cold and sore throat all week, can I still come?", false},
		{"had a slight temperature the first night but it went the next morning", false},
		{"the swelling went down a lot, just a bit puffy now", false},
	})
}

// TestRedFlagsRoundFourteen: kinds found in round fourteen (v1–v5), in our
// own words.
func TestRedFlagsRoundFourteen(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my son had it done Monday, his cheek is oozing and he won't call you because he's shy", true},
		{"the pink used to stop at my chin, now it's down my neck", true},
		{"both cheeks are wet and sticky this morning", true},
		{"it's worse than at the start, day 5", true},
		{"the pain's a 9/10 today", true},
		{"the swelling has gone up every day since Monday", true},
		{"it's stinging more now than it did at the clinic", true},
		{"weals spreading across my cheeks", true},
		{"my lips are going big", true},
		{"everything's all blurry since the needling", true},
		{"I'm wearing sunglasses indoors, the light hurts", true},
		{"tea dribbles out of one corner of my mouth", true},
		{"pins and needles in my lip that has not stopped since yesterday", true},
		{"I can only half open my right eye", true},
		{"it feels hot to touch, really hot", true},
		{"my cheek looks like it's festering", true},
		{"feeling a bit under the weather emotionally, face just red", false},
		{"shivery but it's freezing in this weather", false},
	})
}

// TestRedFlagsRoundFourteenB: signs over, corrected or explained, from
// v1–v5, in our own words.
func TestRedFlagsRoundFourteenB(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"went a bit dizzy during the appointment, fine since", false},
		{"had a temperature the next day but it went by lunchtime", false},
		{"felt faint in the car, but I hadn't had any breakfast", false},
		{"blistering, autocorrect, I meant blotchy. just blotchy", false},
		{"the blister is healed up now, can I use make-up?", false},
		{"two spots had pus, the nurse drained them, all fine", false},
		{"the bruise has been shrinking since Tuesday", false},
		{"I'm terrified of having a reaction to the serum, nothing yet", false},
		{"can this treatment cause cold sores?", false},
		{"a bit shivery after sitting out in the wind", false},
	})
}

// TestRedFlagsRoundFourteenC: a sign gone to a new place, and one that
// was expected to have stopped, in our own words.
func TestRedFlagsRoundFourteenC(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the redness has gone right down my neck since this morning", true},
		{"it's still weeping on day 6, I thought it would have stopped", true},
		{"the redness has gone right down, just faint pink now", false},
	})
}

// TestRedFlagsRoundFifteen: kinds found in w1–w5, in our own words.
func TestRedFlagsRoundFifteen(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the pink has gone down onto my chest now, only my face was done", true},
		{"the redness was only where she needled but now it's on my neck", true},
		{"I'm having some kind of reaction, my skin just isn't right", true},
		{"my cheeks are blotchy all over and burning", true},
		{"Mum seems a bit confused tonight, her face was treated yesterday", true},
		{"the bruise had gone yellow but it's purple again today", true},
		{"the little bruise is now double the size", true},
		{"it was less swollen yesterday, day 4", true},
		{"it hurts more now than day 1", true},
		{"my son had the acne scar microneedling and now he's burning up", true},
		{"a client treated this morning says her lips are swelling, what do I tell her?", true},
		{"I'm a bit confused about how many drops to use", false},
		{"the swelling has gone down a lot today", false},
	})
}

// TestRedFlagsRoundSixteen: kinds found in x1–x5, in our own words.
func TestRedFlagsRoundSixteen(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the blotches are on my shoulders as well now", true},
		{"the rash has crept down onto my collarbone", true},
		{"whiteheads all over my forehead this morning", true},
		{"there must be 30 spots on my chin, they came overnight", true},
		{"one pimple on my cheek is throbbing like mad", true},
		{"it aches even when I'm not touching my face", true},
		{"that lump under my eye is bigger today", true},
		{"my cheeks have gone darker, nearly purple", true},
		{"I feel like I'm getting the flu, achy and cold", true},
		{"I puked twice since lunch", true},
		{"my bottom lip has gone fat and tingly", true},
		{"there's green gunk coming out of a couple of the holes", true},
		{"it keeps weeping clear fluid all day", true},
		{"a few bits of clear fluid on the pillow this morning, day 1", false},
		{"small pimples on my cheeks, day 3", false},
		{"my face is burning lol jk, just warm. how long will it be red?", false},
		{"my partner keeps saying my face looks infected but it's just pink", false},
		{"can I have it done on my neck as well next time?", false},
		{"I put the serum on my neck too, is that ok?", false},
		{"my phone is blowing up with people asking about my face", false},
		{"I'm paranoid I'll react to the serum, nothing so far", false},
		{"my dog has an infected paw, can I wear makeup to the vet?", false},
	})
}

// TestRedFlagsRoundSixteenB: who has the sign, from x1–x5, in our own
// words: staff passing on a client's message, a friend treated alongside
// the writer, and a habit that places a sign rather than dates it.
func TestRedFlagsRoundSixteenB(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"front desk here: a client rang to say her chin is oozing yellow since Monday's session", true},
		{"staff question, a client messaged that her eyelids are swelling up", true},
		{"my cousin and I both had microneedling on Friday, I'm fine but my cousin has hives now", true},
		{"he's asked me to find out what to do, his cheek has blistered since the treatment", true},
		{"tiny blisters on my chin where I always get cold sores, treated Tuesday", true},
		{"client emailed: she's booked in for next week but has a cold sore, should she still come?", false},
		{"I always get cold sores in winter, none now, can I still have the serum?", false},
	})
}

// TestRedFlagsRoundSixteenC: more kinds from x1–x5, in our own words.
func TestRedFlagsRoundSixteenC(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"is it alright if I've still got a temperature this morning?", true},
		{"a client phoned, she has a red line running up her neck, should she come in or go somewhere else?", true},
		{"little lumps popping up on my chest now as well", true},
		{"the puffiness has not gone down and it's been 12 days", true},
		{"the spots on my chin are angry and sore, five of them", true},
		{"three of the spots have joined together into one", true},
		{"even itchier than this morning and there's a rash now", true},
		{"is it ok if I get a temperature later?", false},
		{"my friend had a reaction at a different clinic, she went somewhere else", false},
	})
}

// TestRedFlagsRoundSixteenD: signs that are over, explained or someone
// else's, from x1–x5, in our own words.
func TestRedFlagsRoundSixteenD(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the cold sore has gone thanks to the cream, can I book again?", false},
		{"the temperature went on day 3, face just dry now", false},
		{"I reacted to a chemical peel two years ago but it settled, is microneedling any different?", false},
		{"my dog's paw is infected and she won't stop licking it, my treatment was this morning, can I walk her?", false},
		{"I had my chest done too so it's a bigger area, how many drops?", false},
		{"my mum thinks my face looks infected but it's only pink", false},
		{"caught a cold off the kids, bit of a temperature, can I still come on Friday?", false},
		{"I reacted to a chemical peel two years ago and now I have hives after microneedling", true},
	})
}

// TestRedFlagsRoundSeventeen: kinds found in y1–y5, in our own words.
func TestRedFlagsRoundSeventeen(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my cheeks get redder every single day", true},
		{"it had calmed down but this evening it's come back brighter", true},
		{"the patch went from pink to angry red and hot overnight", true},
		{"my chin is twice the size it was this morning", true},
		{"the bruise is getting bigger rather than smaller", true},
		{"it's more sore every day instead of less", true},
		{"my forehead is covered in yellow heads today", true},
		{"the weeping has gone cloudy and there's a smell", true},
		{"my voice has gone hoarse since the serum went on", true},
		{"it's like looking through frosted glass with my left eye", true},
		{"one eyelid is lower than the other since yesterday", true},
		{"my chin is a bit red but no worse than yesterday", false},
	})
}

// TestRedFlagsRoundSeventeenB: more kinds from y1–y5, in our own words.
func TestRedFlagsRoundSeventeenB(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my eyelids look like I've been stung by a bee since the serum", true},
		{"water keeps dribbling out of the corner of my mouth", true},
		{"practice nurse here, one of your clients has a temperature of 39 after her treatment", true},
		{"Grandad had his done Monday and he's not himself, muddled all evening", true},
		{"wondering if it's normal to still have swelling 11 days after?", true},
		{"my eyelid has been droopy since the last session and hasn't recovered", true},
		{"the TV goes double when I look up", true},
		{"the rash is now on my neck", true},
		{"it burns more every day, day 5", true},
		{"the spots have doubled since this morning and hurt", true},
		{"a couple of painful boils on my treated tummy", true},
		{"got stung by a wasp on my leg, face is fine", false},
		{"is it normal if I get a temperature after the treatment?", false},
	})
}

// TestRedFlagsRoundSeventeenC: signs only feared, believed for a moment,
// or with a plain cause, from y1–y5, in our own words.
func TestRedFlagsRoundSeventeenC(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"worried my chin will get infected, I touched it", false},
		{"thought it was a rash at first but it's just the pillow crease", false},
		{"everything's blurry but that's because I lost my glasses", false},
		{"I went dizzy this morning, it's low blood sugar, I skipped breakfast", false},
		{"fell asleep, well passed out on the sofa, as soon as I got home. shower now?", false},
		{"how many spots is too many?", false},
		{"the man next to me in the waiting room had a rash, could I catch it?", false},
		{"my chin will get infected, it already has pus in it", true},
	})
}

// TestRedFlagsRoundEighteen: kinds found in z1–z5, in our own words.
func TestRedFlagsRoundEighteen(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"itchy lumps came up on my chest since the serum", true},
		{"day 6 and it keeps getting worse", true},
		{"one spot on my jaw is massive and throbbing", true},
		{"so many whiteheads on my forehead and they are sore", true},
		{"the redness is more big and hot today", true},
		{"the red bit is creeping down onto my collarbone", true},
		{"I keep seeing zigzag lines in one eye", true},
		{"my left leg has gone weak since this afternoon", true},
		{"lips like a duck since the serum went on", true},
		{"feeling fluey tonight, treated this morning", true},
		{"the swelling had gone down but it's come back stronger", true},
		{"it was getting worse on day 2 but it's settled now", false},
	})
}

// TestRedFlagsRoundNineteen: persistence at ten days and more, a relation
// said to be treated, a bug only guessed at, and contrasts.
func TestRedFlagsRoundNineteen(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"it's day 11 and my cheeks are still red", true},
		{"my forehead has been red for 12 days now", true},
		{"still quite red a fortnight on", true},
		{"still a bit red, my sister's wedding is in two weeks, can I wear makeup?", false},
		{"is it normal to be red for 2 days?", false},
		{"daughter very hot and shivery, treated this morning", true},
		{"husband's needling rash is spreading to his ears", true},
		{"my daughter has a temperature, I was treated yesterday, can I still do the school run?", false},
		{"I'm 3 days post microneedling and fine, my sister swelled up after a facial years ago", false},
		{"running a temperature since last night, probably just a cold", true},
		{"bit shivery, I think it's the bug going round the office", true},
		{"a bit dizzy but I think it's because I skipped breakfast", false},
		{"I put my usual cream on and now there's a rash spreading down my neck", true},
		{"is a rash usual after this?", false},
		{"my nose started bleeding again for the third time today", true},
		{"the throbbing keeps me awake", true},
		{"loads of itchy bumps popped up overnight", true},
		{"been sick twice and I'm really pale", true},
	})
}

// TestRedFlagsNeedleNerves: feeling sick at the thought of needles is nerves.
func TestRedFlagsNeedleNerves(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"i feel sick just thinking about needles, when will i see results?", false},
		{"I feel sick and shivery since the treatment", true},
	})
}

// TestRedFlagsRoundNineteenB: a run-on message that turns to another
// matter, "come back in", and signs come back after easing.
func TestRedFlagsRoundNineteenB(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"just wondering if i can wear makeup tomorrow oh and theres a red line going down my neck", true},
		{"can i go in the sun next week also is it normal that its hot and red spreading down to my chest", true},
		{"so if i also got pus i just wait?", false},
		{"my cheek is swollen and hot and throbs at night do i need to come back in", true},
		{"had hives back in march, none now, can I use the serum?", false},
		{"the redness had nearly gone but today it's red again and hot to touch", true},
		{"day 6 and it's bright red and hot again", true},
		{"bright red and hot tonight, treated this afternoon", false},
		{"there are more whiteheads than I can count now", true},
		{"my chin smells funky and it's sore", true},
	})
}

// TestRedFlagsRoundNineteenC: general questions and old reactions.
func TestRedFlagsRoundNineteenC(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"is a fever a sign of infection?", false},
		{"is my fever a sign of infection?", true},
		{"I wear make up every day, when can I start again?", false},
		{"tingly itch on my cheek on day 5", false},
		{"when i had fillers my lips swelled up loads, will this do that?", false},
		{"years ago my eyes swelled up from a cream, can I use my eye cream now?", false},
		{"my eyes have swelled up since the serum", true},
	})
}

// TestRedFlagsRoundTwenty: from the v wave. A day count anywhere in the
// message dates the signs in it; guesses and opinions explain nothing.
func TestRedFlagsRoundTwenty(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"Day 12 today. The bruise on my cheek is still there.", true},
		{"my cheek is still a bit swollen. day 11 now", true},
		{"Day 3. Still a bit swollen, is that ok?", false},
		{"the redness has not subsided after ten days", true},
		{"the whiteheads have spread across my chin and they hurt", true},
		{"help my face is swelling up", true},
		{"itchy lumps popping up on my neck since the serum", true},
		{"my throat feels a bit closed up, probably nerves", true},
		{"my eye is really sore and red since I got home", true},
		{"is it ok that I've been shivering since 4am?", true},
		{"whether I can wear makeup tomorrow?", false},
		{"my husband keeps saying my face looks grey and I feel awful and sweaty", true},
		{"she's got a bit of a cold she says, shivers and a temperature", true},
		{"a bit wobbly on my feet today and queasy", true},
		{"My son had it done on Monday. Yesterday he had a slight temperature but today it's 39 and he's lethargic", true},
	})
}

// TestRedFlagsRoundTwentyB: "fine" and "normal" right after a sign answer
// it; comparisons with a reaction are not one.
func TestRedFlagsRoundTwentyB(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"skin feels tight but breathing fine, lips normal, is the tightness ok?", false},
		{"my lips are swelling, normal?", true},
		{"is pus normal or should I come in?", true},
		{"is a fever normal after this? mine is 38.5", true},
		{"my face is so red it looks like I was having an allergic reaction, but no itching at all", false},
		{"in and out of the water all day with the sun coming through the windows, ok for my face?", false},
		{"yellow stuff coming out of the spots", true},
	})
}

// TestRedFlagsRoundTwentyC: a day count is no sign, whatever is said
// after it; a negation before an intensifier; whole-body and nerve signs.
func TestRedFlagsRoundTwentyC(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"day 11 like you said, the peeling is all gone, but the swelling on my jaw hasn't really gone down", true},
		{"a week and a half on and I've still got a patch of redness on my cheek", true},
		{"the swelling has not really gone down since yesterday, it's day 2", false},
		{"my temperature is up tonight and my cheeks are throbbing", true},
		{"is a temperature normal after this? I'm 38 right now", true},
		{"my fingers have gone tingly and numb", true},
		{"pins and needles in my hands this morning but I slept on them", false},
		{"not bothered about the drinking, just the sun, oh and my fingers have gone tingly", true},
	})
}

// TestRedFlagsRoundTwentyOne: from the u wave, signs in plain and
// second-language words.
func TestRedFlagsRoundTwentyOne(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my cheek smells a bit funny", true},
		{"it smells, like actually smells", true},
		{"the serum smells of roses, is that right?", false},
		{"my mouth has dropped on one side", true},
		{"it hurts to look at the light", true},
		{"throbbing like toothache in my cheek", true},
		{"a bit of green on the scab on my chin", true},
		{"a couple of little yellow heads on my chin, no pain", false},
		{"the red is going more wide every hour", true},
		{"my skin is crying yellow", true},
		{"my mother have temperature since the morning", true},
		{"red itchy spots after the serum", true},
		{"I counted 40 whiteheads this morning", true},
		{"the whiteheads are huge and sore", true},
		{"pain worse every day instead of better", true},
		{"raised itchy lumpy bits coming up on my forehead", true},
	})
}

// TestRedFlagsRoundTwentyOneB: false alarms from the u wave.
func TestRedFlagsRoundTwentyOneB(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the girl before me fainted in the waiting room, is that common?", false},
		{"the bruise is a yellowy green colour now and smaller", false},
		{"my dad is a bit confused about the serum, how many drops?", false},
		{"bit of a temper on me today, face is sore", false},
		{"felt sick about the price lol, how many drops is it?", false},
		{"it'll be dark and cold at training tomorrow, can I go?", false},
		{"my sister says tea tree oil helps to stop infection, should I?", false},
		{"mum keeps telling me it looks infected but it's just pink", false},
		{"had a cold sore last month, completely healed, anything to do because of the old cold sore?", false},
		{"my temperature is 37.8 tonight", true},
		{"temperature 37.2, is that ok?", false},
		{"sore blisters round my mouth like my old cold sores", true},
	})
}

// TestRedFlagsRoundTwentyTwo: from the d wave.
func TestRedFlagsRoundTwentyTwo(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my lips went puffy after the sun cream my friend lent me", true},
		{"probably nothing, don't want to waste anyone's time, but there's yellow crusty stuff on my nose", true},
		{"a tiny bit of green in one of the spots", true},
		{"ps my eyelids are really swollen today", true},
		{"throbbing pain in my cheek", true},
		{"huge painful spot on my jaw", true},
		{"between my eyebrows is going numb and tingly", true},
		{"reacted to my moisturiser, burning", true},
		{"the person I care for has a cold sore, can I catch it?", false},
		{"I nursed a patient with cellulitis today, is my face at risk?", false},
		{"my eyes are gritty as always with my dry eye condition", false},
	})
}

// Round twenty-three, from the e wave (e1–e5, measured once at first sight
// on 3cbccd8): a bruise or patch growing, darkening and sore; pain that is
// awful, or sore again and throbbing; swollen and shiny; hot to the touch
// days on; spots painful and spreading. And what is not the patient's now:
// a sign that keeps one up ("up all night with it") is no cause of it; a
// bare partner or "a girl" online is someone else; what happened in the
// clinic chair, or for an hour after, is over; "less sore than yesterday" is
// better; "is a fever after this a thing?" asks in general.
func TestRedFlagsRoundTwentyThree(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the bruise under my eye is getting bigger and it's sore", true},
		{"my cheek bruise is darker and bigger than it was and hurts more", true},
		{"the pain is awful tonight, day 3", true},
		{"it was settling but now it's really sore again", true},
		{"my forehead is swollen and shiny this morning", true},
		{"cheeks hot to the touch on day 6", true},
		{"the pimples on my chin are sore and spreading", true},
		{"brown patches on my cheeks, getting darker every day, day 14", true},
		{"my jaw is much worse and I was up all night with it", true},
		{"the redness is angry red now and feels warm", true},
		{"bf has a cold sore, should I stay away?", false},
		{"a girl online got an infection after hers, what should I watch for?", false},
		{"felt a bit faint in the clinic chair but fine since", false},
		{"clear weeping for an hour after treatment, all dry now", false},
		{"still tender but less sore than yesterday", false},
		{"is a fever after microneedling a thing?", false},
		{"my knuckles are swollen from my arthritis, is the serum ok on my hands?", false},
		{"lip numb from the dentist, can I still use the serum?", false},
	})
}

// TestRedFlagsRoundTwentyFour: a product on the treated skin followed by a
// reaction, a small count of pus spots (the sheet's pustules), a "now"
// after a past cue, and signs that persist or grow.
func TestRedFlagsRoundTwentyFour(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"I put my concealer on this morning and now my cheeks are burning", true},
		{"used an exfoliator by mistake and now it's swollen", true},
		{"ever since I applied the tinted moisturiser I've had a rash", true},
		{"slapped on sun cream straight after the session and now my face is bumpy", true},
		{"day 9 and the bruise on my temple is not fading at all", true},
		{"the swelling by my eye is much bigger this morning", true},
		{"the little spots have spread onto my neck", true},
		{"my temperature is up tonight", true},
		{"my ears are ringing and my head is pounding since the treatment", true},
		{"the redness is getting more not less, day 4", true},
		{"one tiny pus spot on my chin, should I leave it?", false},
		{"a couple of small pus heads near my nose, not sore", false},
		{"little pus spots? only two of them", false},
		{"my top lip swelled a bit in the chair but was back to normal within the hour", false},
		{"felt dizzy earlier but I'd skipped lunch, fine now", false},
		{"my face is itchy, does that mean I'm allergic to the serum?", false},
	})
}

// TestRedFlagsRoundTwentyFive: from the g wave (written blind, measured
// once at first sight); the messages are new, not the wave's.
func TestRedFlagsRoundTwentyFive(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"spent the afternoon in the sunshine and now there are blisters on my cheek", true},
		{"my boy sat out in the sun after his session and his forehead has blistered", true},
		{"mum here messaging for my daughter, she had her treatment yesterday and her eye is swelling shut", true},
		{"my daughter came back from school with a temperature and her cheek is hot and spreading red", true},
		{"my 16 year old's face is covered in pus spots that keep multiplying", true},
		{"I care for my gran, I look after my gran and her face blistered after her session", true},
		{"the swelling is increasing, yesterday it was less", true},
		{"pain getting worse, last night it was better", true},
		{"now more red and more swelling than this morning", true},
		{"day 6, I was healing nicely but now the redness and swelling are back", true},
		{"the soreness has turned into throbbing", true},
		{"running a temp tonight", true},
		{"lumpy glands under my jaw and a hot face", true},
		{"woke up drenched, been sweating all night", true},
		{"I'm coming out in hive's on my neck", true},
		{"itchy bumps spreading down my arms", true},
		{"the swelling is less than yesterday, just a bit puffy", false},
		{"my sis has a fever, I'm fine, just a bit tight", false},
		{"she had a temperature last night but that was her jabs", false},
		{"had blisters from sunburn on holiday years ago, all healed", false},
	})
}

// TestSimilesNameNoItem: a comparison after a sign ("tight, like a face
// mask drying") is about the sign, not the thing it is compared with.
func TestSimilesNameNoItem(t *testing.T) {
	m := fixture.Matcher(t)
	for _, tc := range []struct{ text, want string }{
		{"my cheeks feel tight like a clay mask that has dried", "expect.tightness"},
		{"skin feels tight, like after washing with soap", "expect.tightness"},
		{"my skin is tight, like can I put moisturiser on?", "home.products"},
		{"I'd like to use my face mask tonight", "home.products"},
		{"can i use my vit c serum tomorrow", "home.products"},
		{"my cheeks are tender, like a sunburn", "expect.tenderness"},
		{"flaking round my nose like after a sunburn", "expect.dryness"},
		{"my face looks like a sunburn", "expect.redness"},
	} {
		if got := m.Match(tc.text).Intent; got != tc.want {
			t.Errorf("Match(%q) = %s, want %s", tc.text, got, tc.want)
		}
	}
}

// TestRedFlagsRoundTwentySix: from the h wave (written blind, measured
// once at first sight); the messages are new, not the wave's.
func TestRedFlagsRoundTwentySix(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"i put my moisturiser on (i know, i know, the 8 hours) and now my face is blotchy and swelling up", true},
		{"my right eye is quite hard to open this morning", true},
		{"it's getting more sore not less", true},
		{"the stinging is getting more intense instead of calming down", true},
		{"day 4 and it's worse than the first day", true},
		{"the puffiness is pushing my eye closed", true},
		{"the swelling was small last night, now it's huge", true},
		{"I drew round the red bit with a pen and it's gone past the line", true},
		{"little hive things on my chin and more keep appearing", true},
		{"I'm allergic to lanolin and my face is swelling up", true},
		{"used a cleansing wipe and my skin swelled up straight away", true},
		{"my lips look fuller than normal this morning", true},
		{"my face feels as if it's burning and there's yellow stuff oozing", true},
		{"I feel like I'm going to fall over and my head feels light", true},
		{"bit shaky but I've had four coffees", false},
		{"aching all over after a day of decorating, face just tight", false},
		{"I had a reaction to plasters when I was small, all fine now, face just pink", false},
		{"Can I put SPF on straight away when I get home?", false},
	})
}

// TestRedFlagsRoundTwentySeven: from the i wave (written blind, measured
// once at first sight); the messages are new, not the wave's.
func TestRedFlagsRoundTwentySeven(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"dabbed some foundation on and my cheeks have puffed up and gone lumpy", true},
		{"tried my night cream and now my eyes are swollen and streaming", true},
		{"my cheek is swollen and feels like it has a heartbeat", true},
		{"the bruise was tiny on Sunday, now it's huge", true},
		{"my left eye is basically shut this morning", true},
		{"the back of my hand is swollen up to the wrist", true},
		{"there's a weepy patch on my jaw", true},
		{"the red has gone past where they treated, they did not treat there", true},
		{"my legs are hot and going red down to my knees", true},
		{"my eye is sore and it's hard to see out of it", true},
		{"a patch on my hand turned blue grey", true},
		{"came home from the gym with a sore knee, face is fine", false},
		{"felt faint this morning but I'd given blood yesterday", false},
		{"had a boiling hot shower and it stung, fine now, is that bad?", false},
		{"a little yellowy bruise is coming out on my cheekbone", false},
		{"I thought my neck had blisters but it's just flaky skin", false},
		{"the redness has spread? no actually it's the same as this morning", false},
	})
}

// TestRedFlagsRoundTwentyEight: from the j wave (written blind, measured
// once at first sight); the messages are new, not the wave's.
func TestRedFlagsRoundTwentyEight(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my son keeps getting headaches since treatment and he looks grey", true},
		{"my lad nearly fainted at the bus stop, hes 18", true},
		{"felt a bit dizzy twice today, sorry if that's unrelated", true},
		{"I feel like I might keel over", true},
		{"there are flashing lights in my left eye", true},
		{"I'm being a baby probably but it really hurts and ibuprofen is doing nothing", true},
		{"pressure behind my eye and a headache since yesterday", true},
		{"the soreness was fine yesterday but now it's throbbing and hot", true},
		{"I squeezed a spot and now it's swollen and angry", true},
		{"the needle marks have gone yellow and crusty", true},
		{"my face swelled up after the serum went on", true},
		{"some kind of hive thing on my cheek", true},
		{"put vaseline on and now I've got a rash", true},
		{"rash all over her cheeks since we put her cream on", true},
		{"there's a black spot in the middle of the red area", true},
		{"a patch by my ear has gone a weird colour and I can't feel it", true},
		{"my daughter had a rash after microneedling somewhere else years ago, what does an infection look like?", false},
	})
}

// TestRedFlagsRoundTwentyNine: from the k wave (written blind, measured
// once at first sight); the messages are new, not the wave's.
func TestRedFlagsRoundTwentyNine(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my face has swelled up so much I am unrecognisable", true},
		{"the swelling was small yesterday and now it's my whole face", true},
		{"the pain is increasing every day", true},
		{"my swelling did not go down and now it is more", true},
		{"it looked better on day 1 than it does now", true},
		{"clear stuff keeps dripping off my chin onto my top", true},
		{"there's green gunk in the corner of my eye", true},
		{"the red patch was 10p size and now it's bigger than a 50p", true},
		{"my lips look like I've had filler", true},
		{"used a face wipe and my cheeks went blotchy red within minutes", true},
		{"the room spins every time I get up", true},
		{"bubbles of clear liquid along my jaw", true},
		{"I can feel a cold sore coming up on my lip", true},
		{"I keep going hot and cold and my head aches", true},
		{"there's a smudge in my eye I can't blink away", true},
		{"the patch is getting darker and darker, like charcoal", true},
		{"is it normal to feel a bit hot in a warm room?", false},
	})
}

// Round thirty, from the l wave (l1–l5, measured once each at first sight
// on 20129b6): a sign that worsens told in new words, a treated friend or
// boyfriend written for, and general questions about a risk.
func TestRedFlagsRoundThirty(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my eyelid is so puffy I can't open it properly", true},
		{"my right eye has gone really puffy since this morning", true},
		{"cheeks were fine yesterday but today they're swelling up", true},
		{"it's burning more and getting worse, day 3", true},
		{"the soreness is sharper today, not easing at all", true},
		{"my cheeks have become much redder since lunch", true},
		{"the red area is now warmer and bigger than this morning", true},
		{"lips puffed up within minutes of my lip balm", true},
		{"there are streaks of red going down from my cheek", true},
		{"the little bumps have started leaking now", true},
		{"he's hardly weed all day and he's breathing very fast", true},
		{"my bruise has gone a nasty dark colour", true},
		{"bf got his forehead done on monday, now there's pus coming out", true},
		{"friend had hers done tuesday, now her cheek is weepy, she asked me to message", true},
		{"I went out in the sun and got sunburnt, now it's blistered", true},
		{"is a fever something to worry about after this?", false},
		{"is blistering a risk with this treatment?", false},
		{"is swelling a side effect I should watch for?", false},
		{"two small pus spots, not spreading, not sore, just a handful", false},
		{"it feels hot, like when you have a temperature, but I don't have one", false},
		{"had hives after a peel once but nothing like that this time, just itchy", false},
	})
}

// Round thirty-one, from the m wave (m1–m5, measured once each at first
// sight on c02f790): a patient who says it is not what they were told,
// signs in a second language's grammar, and a treated fiancée.
func TestRedFlagsRoundThirtyOne(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"it looks nothing like what you said it would, I'm scared", true},
		{"the swelling is worse than the photos you showed me", true},
		{"everything getting worse since yesterday", true},
		{"please help, my face is really bad tonight", true},
		{"my swelling has gone down into my neck", true},
		{"the soreness came back worse this evening", true},
		{"I took ibuprofen twice and it did not help the pain at all", true},
		{"the bruise was small now is big like a coin", true},
		{"half my face is swollen this morning", true},
		{"my cheeks burn like fire", true},
		{"rash came up within minutes of the cleanser", true},
		{"I have a cold store coming on my lip", true},
		{"yellow stuff coming out of the little holes", true},
		{"I faint in the bathroom this morning", true},
		{"my vision is blurry in one eye", true},
		{"my heart beats fast and my lips swell", true},
		{"my fiancee's eye is red and sore, she got serum in it hours ago", true},
		{"more of them every day, spots with yellow heads", true},
		{"grey blue patches on my cheek", true},
		{"my face is bright pink, is that normal?", false},
		{"is it normal that it looks like the photos you showed me?", false},
		{"the swelling has gone down a lot today", false},
		{"I like my shower boiling hot, is that ok?", false},
	})
}

// Round thirty-two, from the n wave (n1–n5, measured once each at first
// sight on fbfeeb1): colour and texture changes, pain that stops daily
// life, second-language grammar, a carer and a mate written for.
func TestRedFlagsRoundThirtyTwo(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"a dark brown patch has come up where they needled", true},
		{"the skin under my eye is turning blue", true},
		{"one patch has gone white and waxy", true},
		{"there's a red ring round the spot and it's getting wider", true},
		{"cheeks are hot and swollen today, yesterday they were just pink", true},
		{"it is more bad than yesterday", true},
		{"my lips become very big after the lip balm", true},
		{"little drops come out of my skin all day", true},
		{"I have temperature and headache since the treatment", true},
		{"it hurts to talk or eat", true},
		{"my skin feels like it's being stabbed, I can not sleep", true},
		{"the corners of my mouth are cracking and bleeding", true},
		{"my cheeks went red and lumpy after the serum", true},
		{"the bruise is not shrinking, day 10", true},
		{"blotchy purple patches on my jaw this morning", true},
		{"the lady I care for had it done and now her cheek is oozing", true},
		{"a mate of mine had his face done and now his skin is weeping", true},
		{"my face feels tight and shiny, is that normal?", false},
		{"the bruise is still there at day 9, not worse, should I show someone?", false},
		{"can I put suncream on straight away when I get home?", false},
	})
}

// Round thirty-three, from the o wave (o1–o5, measured once each at first
// sight on 9dc002f): pain that returns or ramps up, spots that burst or
// turn into a boil, a reaction straight after the serum, an eye rubbed red.
func TestRedFlagsRoundThirtyThree(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the soreness had gone and now it's come back, hot and worse", true},
		{"the pain keeps ramping up every day", true},
		{"it's now unbearable on day 4", true},
		{"more red and swollen than it has been all week", true},
		{"still swollen on day 6 with a hard lump", true},
		{"my bruises are going hard", true},
		{"went puffy straight after the serum this morning", true},
		{"the redness got a lot darker and it's purple at the edge", true},
		{"clear watery stuff is leaking from my cheek", true},
		{"a couple of spots have burst and are leaking", true},
		{"one spot turned into a boil", true},
		{"my eye is red and watery since the session", true},
		{"I've been wheezy since the serum went on", true},
		{"the bruise from last week has finally gone", false},
		{"I look like a boiled lobster, is that normal?", false},
		{"the itch is unbearable but no rash, am I ok?", false},
		{"bruise has gone from purple to yellow, day 6", false},
	})
}

// Round thirty-four, from the p wave: worse than the patient was told, more
// red than on day 1, spots hot and angry, a bruise unchanged at a week; a
// friend treated with the writer; a question explained as asked before a
// booking; signs over ("dried up overnight", "stopped pretty quickly",
// "shrunk right back"), denied ("none of them are hot") or someone's belief.
func TestRedFlagsRoundThirtyFour(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"it's so much worse than the nurse said it would be", true},
		{"honestly this is worse than I was led to believe", true},
		{"day 3 and my cheeks are redder than on day 1", true},
		{"my spots are angry and hot now", true},
		{"the bruise on my chin has not moved at all and it's day 7", true},
		{"I'm fine but my sister had the needling with me and she has thrown up twice", true},
		{"is bleeding normal after microneedling? asking before my appointment", false},
		{"is it normal to feel dizzy after? just wondering ahead of my session", false},
		{"there was a blister on day 1 that dried up the same night", false},
		{"the oozing I had stopped fairly quickly, now it's just dry", false},
		{"the redness was spreading last night but it has shrunk right back", false},
		{"three little spots, none of them are hot or leaking", false},
		{"my mum thinks I am infected but it's only two whiteheads", false},
		{"one cheek looks puffier after I slept on my side, fine?", false},
	})
}

// Round thirty-five, from the q wave: a relation's own days since the
// treatment, "I am the daughter", "I want to ask for my wife", "mine is
// fine but she…" (written for the patient); a denial right after a
// question ("is X normal? mine isn't"); "if" asked of what is so, or made
// real by "it's doing it right now"; a treatment still to come blames
// nothing; a habit told as "I get them all the time".
func TestRedFlagsRoundThirtyFive(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my son is in a lot of pain and it's getting worse, day 4", true},
		{"Hi, I am the wife. My husband has hives coming up all over his neck", true},
		{"I want to ask for my mother, she has a yellow crust that is weeping", true},
		{"we both had it done together. mine is fine, but she has a fever and chills", true},
		{"my dad had his done last Tuesday and the swelling on his jaw is not going down, 9 days now", true},
		{"is it ok if my cheek is leaking yellow stuff", true},
		{"what should I do if my lips swell up? they are doing it right now", true},
		{"the bruise on my jaw is still there and it's been 10 days", true},
		{"my face hurts more on day 6 than on day 1", true},
		{"the red area is now bigger than the treated area and warm", true},
		{"is oozing normal? mine isn't, just curious", false},
		{"are hives common after this? I haven't got any", false},
		{"I had a fever after my covid jab, can I space it from my next microneedling?", false},
		{"I had a nosebleed this morning but I get them all the time, is it ok to blow my nose?", false},
		{"had a panic that the red was spreading but it's the same as yesterday", false},
		{"what would I do if my lips swell up? just asking", false},
	})
}

// Round thirty-six, from the r wave: "friend here", "her treated skin"
// and "should she still put on the serum?" (written for the patient);
// a denial by the one written for ("my daughter doesn't have any"); asked
// "for future reference" or for someone "booked in"; shingles; a red
// edge that has moved; skin breaking down; a white patch that stings;
// "something's not right with my face".
func TestRedFlagsRoundThirtySix(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"Hi, mate here. Her face has come out in a rash that keeps spreading onto her neck", true},
		{"idk but my bf feels hot then cold and his treated skin is angry red", true},
		{"My daughter's swelling is worse today than this morning. Should she still put on the serum?", true},
		{"I think I've got shingles on my forehead, it burns", true},
		{"the red patch has a clear edge and it has moved since lunch", true},
		{"the skin round one spot is breaking down", true},
		{"there's a white patch on my chin that stings", true},
		{"somethings not right with my face today", true},
		{"When I stand up my head feels swimmy", true},
		{"still bleeding, gone through two tissues", true},
		{"are blisters normal after this? my mum doesn't have any", false},
		{"is fainting common after microneedling? asking for future reference", false},
		{"is dizziness normal afterwards? asking for my husband, he's booked in next month", false},
		{"can I go swimming on Sunday?", false},
		{"still a bit pink on day 9 but fading every day", false},
	})
}

// Round thirty-seven, from the u and v waves: runs of short sentences read as one
// for a rule, instructions read, relative "that" clauses that end a sign, a
// fear of what will come, a sign on the writer seen by someone else, and
// people who write for the patient in new ways.
func TestRedFlagsRoundThirtySeven(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"Still puffy. Day 7. Not going down.", true},
		{"aching. hot. swollen. day 3", true},
		{"had a shower before I read the leaflet and now there's yellow pus in three of the dots", true},
		{"the skin on my cheek is falling apart, it's like wet paper", true},
		{"it peeled off and it's raw underneath now", true},
		{"not my face, my husband's. he's got a fever and the red is spreading to his ear", true},
		{"question for my mum: when can she wear makeup? also her eyes have puffed up loads more overnight", true},
		{"he's 40 and too proud so I'm the one asking: his cheeks are oozing yellow", true},
		{"my neighbour checked it for me and says there's green gunk round my chin", true},
		{"there's gunk in the needle holes on my forehead", true},
		{"my friend did hers on Monday and now her face has pus in it, what does she do", true},
		{"is it bad if the rash is spreading to my chest now", true},
		{"a cold sore popped up on my top lip right after the treatment, what do I do", true},
		{"my swelling from Tuesday is getting bigger instead of going down", true},
		{"skin has split open near my nose and won't heal", true},
		{"there's a black dot in the middle of a mark and it's really painful", true},
		{"worried the flaky bits will crack and get infected, what can I put on?", false},
		{"I'm scared it'll get infected if I touch it", false},
		{"is it true you burn easier after this?", false},
		{"my hands are a bit shaky so can my son put the serum on?", false},
		{"one cheek is pinker than the other, is that normal?", false},
		{"why is the dryness worse on day 3 than it was on day 1?", false},
		{"I keep checking for red streaks in the mirror, none so far", false},
		{"had a tiny blister on my lip on day 1 that's long gone, can I use lip balm now?", false},
		{"wondering if I can go to the gym tomorrow, oh and also is some goo normal?", false},
		{"my neighbour thinks I shall get an infection from the needles", false},
		{"had a hot flush earlier (menopause) and felt shivery, I'm fine now", false},
		{"pillow creases left red lines on my cheek this morning", false},
	})
}

// Round thirty-eight, from the w wave: swelling "going up", "is it bad if it's…"
// about what is so, cracks that bleed, swelling spread down the neck, pain on
// swallowing; tingling on day 2, a chance asked about, a first evening only.
func TestRedFlagsRoundThirtyEight(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my lips are puffy and going up since lunch", true},
		{"is it bad if it's oozing yellow? it's my husband's chin, day 2", true},
		{"the bruise is still there and darker after a week", true},
		{"my skin feels so dry it's cracking and the cracks are bleeding", true},
		{"the swelling under my chin has spread down my neck now", true},
		{"it hurts to swallow since this morning and my lips feel big", true},
		{"is some tingling on day 2 normal? it's mild", false},
		{"any chance the serum could make me come out in a rash?", false},
		{"I had a bit of oozing the first evening only, all dry now", false},
		{"is it bad if it starts crusting? it hasn't, just asking", false},
	})
}

// TestRedFlagsRoundThirtyNine covers the kinds of sign the y wave missed
// at first sight: swelling that has not gone down after a count of days
// said in any form, discharge named as goo or gunk on a part of the face,
// a general question followed by "I have them", and a sign called
// "probably unrelated"; and the calm contrasts beside them.
func TestRedFlagsRoundThirtyNine(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"my cheeks are still swollen and it's the fifth day now", true},
		{"swelling hasn't budged at all and it's been a week", true},
		{"the puffiness round my eyes has not subsided, 6 days in", true},
		{"there's yellow goo on my jaw, I wipe it and it comes back", true},
		{"crusty patch on my cheek with sticky wet stuff under it", true},
		{"is it normal to get blisters? because I've got a few now", true},
		{"temperature of 38.5 tonight, maybe unrelated but thought I'd say", true},
		{"swelling still there on day 2, is that ok?", false},
		{"a bit of gunk left on my face from the clinic, can I wash it off?", false},
		{"is it normal to get blisters? not saying I have any, just asking", false},
		{"the swelling went down by day 4, all fine now", false},
	})
}

// TestRedFlagsRoundForty covers the kinds of sign the z wave missed at
// first sight: a count of days told by weekday, a message written for the
// patient by someone who "messaged" or "texted" for them, a picture opened
// by "like someone", a habit followed by a clause told now, a cause asked
// about, agreeing with someone ("she's right"), swelling gone hard or
// spreading, pain that has intensified, holes getting deeper, gooey scabs,
// the sweats; and the calm contrasts beside them: questions whether
// something causes an infection, a list of questions denied all at once,
// darker skin, a prediction someone made.
func TestRedFlagsRoundForty(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"done on Monday, it's Saturday now and the swelling hasn't gone down at all", true},
		{"I messaged for my mum yesterday, she's got big watery blisters on her cheeks", true},
		{"I texted for my nan earlier, she is getting blisters all along her jaw", true},
		{"my sister said my face looks angry and she's right, the spots have green pus in them", true},
		{"it looks like someone drew on me with a marker, a red line going down towards my chest", true},
		{"I've always been prone to cold sores and I can feel one tingling on my lip with tiny blisters", true},
		{"got a temperature and feel achy, probably a bug from the kids?", true},
		{"my chin has gone a bit hard where it's swollen", true},
		{"the swelling is spreading to my neck now", true},
		{"the burning in my cheeks has intensified since this morning", true},
		{"the little holes look deeper than yesterday and there's yellow sitting inside them", true},
		{"the scabs round my nose have gone soft and gooey", true},
		{"I'm getting the sweats and my face is hot", true},
		{"it's day 5 and my eyes are swollen and darker than ever", true},
		{"will a hot bath make it infected?", false},
		{"can you get an infection from a dirty pillowcase?", false},
		{"my mum says put tea tree on it to stop infection, is that ok?", false},
		{"any oozing? any heat? my sister keeps asking. no to both, it's just pink", false},
		{"I'm black and my cheeks look a bit darker, is that the redness?", false},
		{"I get cold sores but none now, can I use the serum on my lips?", false},
		{"my cheeks went purple, which the nurse said might happen, and it's fading now", false},
		{"had it done on Monday, it's Tuesday now and it's a bit swollen", false},
	})
}

// TestRedFlagsRoundFortyOne covers the kinds of sign the second a wave
// missed at first sight: redness past the treated area or up to the wrist,
// a patch gone purple and hot, spots turned to boils, skin come away raw,
// goo in cracks, bleeding under a scab, a mark that has not closed, pain
// worse every day, pounding, open wounds, a product that stings more each
// time, hazy sight and light that hurts; and the calm contrasts beside
// them: a cold sore or a fever before an appointment still to come, a fear
// that something "means" infection, a general question followed by
// something else owned, a thought that it "would" be infected.
func TestRedFlagsRoundFortyOne(t *testing.T) {
	runUrgency(t, []urgencyCase{
		{"the redness has gone past where she treated and it feels warm", true},
		{"my hand is swollen and red right up to my wrist", true},
		{"the red patch has gone a purply colour and it's hot", true},
		{"my little spots have turned into big angry boils", true},
		{"the skin's come away on my chin and it's raw and gooey", true},
		{"there's goo in the cracks on my forehead", true},
		{"the scab on my nose is bleeding underneath", true},
		{"one of the needle marks hasn't closed and it's getting bigger and wet", true},
		{"it's getting more painful every day rather than less", true},
		{"my cheek is pounding and I can't even lie on that side", true},
		{"there are small wounds open on my cheeks", true},
		{"the serum stings more every time I apply it and there's a rash", true},
		{"my eyesight has gone hazy since this morning", true},
		{"light is hurting my eyes and my face is puffy", true},
		{"I've got a cold sore and my appointment's on Thursday, should I move it?", false},
		{"come down with a fever so I can't make tomorrow's appointment, is there a fee?", false},
		{"I'm scared the tenderness means infection, it's not hot though", false},
		{"how do I tell a normal spot from an infected one? I've got one small whitehead", false},
		{"thought I'd have an infection by now but it's just pink", false},
		{"can the needling cause an allergic reaction? just curious", false},
		{"I've got a cold sore since the treatment, should I cancel my nails appointment?", true},
		{"my little boy has impetigo on his chin, mine is just red, is that normal?", false},
	})
}
