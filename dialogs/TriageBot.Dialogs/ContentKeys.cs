using System.Reflection;

namespace TriageBot.Dialogs;

/// <summary>
/// Every content key the triage dialogs use (dialogs/content/README.md, "Keys the code uses"), plus the finding ids
/// they record, the choice ids they expect and the arguments they pass. The app validates dialogs/content against
/// these at startup: a key missing from the YAML, or a YAML key no code uses, stops the app.
/// </summary>
public static class ContentKeys
{
    /// <summary>Every message and prompt key in this class (not <see cref="RedFlagIds"/>, <see cref="Args"/> or <see cref="Findings"/>).</summary>
    public static IReadOnlySet<string> All { get; } = Collect();

    /// <summary>Choice ids each prompt must have, in display order; an empty list means "no choices".</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> PromptChoices { get; } = ContentKeyTables.PromptChoices();

    /// <summary>The arguments the code passes with each message; a message may use only these (and manifest placeholders).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> MessageArguments { get; } = ContentKeyTables.MessageArguments();

    /// <summary>The red-flag rule ids of red-flags.yaml (the finding is <c>redflag.{id}</c>).</summary>
    public static class RedFlagIds
    {
        public const string Ces = "ces";
        public const string Weakness = "weakness";
        public const string WeaknessSevere = "weakness-severe";
        public const string ChestPain = "chest-pain";
        public const string Aaa = "aaa";
        public const string NeckVascular = "neck-vascular";
        public const string Trauma = "trauma";
        public const string SelfHarm = "self-harm";
        public const string Fever = "fever";
        public const string Immune = "immune";
        public const string Cancer = "cancer";
        public const string WeightLoss = "weight-loss";
        public const string NightPain = "night-pain";
        public const string FragilityFracture = "fragility-fracture";
        public const string Myelopathy = "myelopathy";
        public const string PostOp = "post-op";

        public static IReadOnlyList<string> All { get; } =
        [
            Ces, Weakness, WeaknessSevere, ChestPain, Aaa, NeckVascular, Trauma, SelfHarm, Fever, Immune, Cancer,
            WeightLoss, NightPain, FragilityFracture, Myelopathy, PostOp,
        ];
    }

    /// <summary>Placeholder names the code fills (<c>{reference}</c>, ...).</summary>
    public static class Args
    {
        public const string Reference = "reference";
        public const string Outcome = "outcome";
        public const string Items = "items";
        public const string Location = "location";
        public const string Spread = "spread";
        public const string Score = "score";
        public const string Duration = "duration";
        public const string Where = "where";
        public const string Worsening = "worsening";
        public const string Helped = "helped";
        public const string Source = "source";
        public const string ErrorId = "errorId";
        public const string Page = "page";
        public const string Status = "status";
        public const string Created = "created";
    }

    public static class Prompt
    {
        public const string Consent = "prompt.consent";

        /// <summary>The red-flag screen's questions (yes / no / not sure; not sure and not understood count as yes).</summary>
        public static class RedFlag
        {
            public const string CesBladder = "prompt.redflag.ces-bladder";
            public const string CesBowel = "prompt.redflag.ces-bowel";
            public const string CesSaddle = "prompt.redflag.ces-saddle";
            public const string CesSex = "prompt.redflag.ces-sex";
            public const string CesLegs = "prompt.redflag.ces-legs";
            public const string Weakness = "prompt.redflag.weakness";
            public const string WeaknessRapid = "prompt.redflag.weakness-rapid";
            public const string WeaknessBoth = "prompt.redflag.weakness-both";
            public const string WeaknessSudden = "prompt.redflag.weakness-sudden";
            public const string ChestPain = "prompt.redflag.chest-pain";
            public const string Breathless = "prompt.redflag.breathless";
            public const string SuddenSevere = "prompt.redflag.sudden-severe";
            /// <summary>Asked after a known aneurysm (<see cref="Screen.AaaKnown"/>): is this pain new, or different?</summary>
            public const string Aaa = "prompt.redflag.aaa";
            public const string Stroke = "prompt.redflag.stroke";
            public const string NeckVascular = "prompt.redflag.neck-vascular";
            public const string Trauma = "prompt.redflag.trauma";
            public const string Fever = "prompt.redflag.fever";
            public const string FeverSevere = "prompt.redflag.fever-severe";
            public const string Immune = "prompt.redflag.immune";
            public const string InjectDrugs = "prompt.redflag.inject-drugs";

            /// <summary>Asked when having cancer treatment: feeling unwell at all (neutropenic sepsis, NICE CG151).</summary>
            public const string ChemoUnwell = "prompt.redflag.chemo-unwell";
            public const string Cancer = "prompt.redflag.cancer";
            public const string WeightLoss = "prompt.redflag.weight-loss";
            public const string NightPain = "prompt.redflag.night-pain";
            public const string Myelopathy = "prompt.redflag.myelopathy";
            public const string MyelopathyWalking = "prompt.redflag.myelopathy-walking";
            public const string PostOp = "prompt.redflag.post-op";
        }

        /// <summary>Screen questions that are not red flags themselves but change the grading.</summary>
        public static class Screen
        {
            public const string Age = "prompt.screen.age";

            /// <summary>A known aortic aneurysm (50 or over): records <c>risk.aaa</c>.</summary>
            public const string AaaKnown = "prompt.screen.aaa-known";

            /// <summary>A pulsing or throbbing tummy (50 or over): records <c>aaa.pulsing</c> (urgent).</summary>
            public const string AaaPulsing = "prompt.screen.aaa-pulsing";

            /// <summary>Chemotherapy or other cancer treatment now or in the last 6 weeks (after an immune yes).</summary>
            public const string Chemo = "prompt.screen.chemo";
            public const string MinorInjury = "prompt.screen.minor-injury";
            public const string Bones = "prompt.screen.bones";
            public const string RecentProcedure = "prompt.screen.recent-procedure";
            /// <summary>Inflammatory back pain features (NICE NG65); under 45 with pain over 12 weeks.</summary>
            public const string Inflammatory = "prompt.screen.inflammatory";

            /// <summary>Did the back pain start before 45 (NICE NG65; asked at 45 or over with pain over 12 weeks).</summary>
            public const string OnsetBefore45 = "prompt.screen.onset-before-45";

            /// <summary>An older serious accident or bad fall no one has checked: records <c>injury.old-unchecked</c> (urgent).</summary>
            public const string OldInjury = "prompt.screen.old-injury";

            /// <summary>"Just to check: is that a No, or are you not sure?" after a hedge on an emergency question.</summary>
            public const string HedgeCheck = "prompt.screen.hedge-check";
            public const string Pregnancy = "prompt.screen.pregnancy";
        }

        /// <summary>Mention -> ask: "You mentioned ... Is this happening now?" (red-flags.yaml <c>check</c>).</summary>
        public static class Check
        {
            public const string Ces = "prompt.check.ces";
            public const string Weakness = "prompt.check.weakness";
            public const string WeaknessSevere = "prompt.check.weakness-severe";
            public const string ChestPain = "prompt.check.chest-pain";
            public const string Aaa = "prompt.check.aaa";
            public const string NeckVascular = "prompt.check.neck-vascular";
            public const string Trauma = "prompt.check.trauma";
            public const string SelfHarm = "prompt.check.self-harm";
            public const string Fever = "prompt.check.fever";
            public const string Immune = "prompt.check.immune";
            public const string Cancer = "prompt.check.cancer";
            public const string WeightLoss = "prompt.check.weight-loss";
            public const string NightPain = "prompt.check.night-pain";
            public const string FragilityFracture = "prompt.check.fragility-fracture";
            public const string Myelopathy = "prompt.check.myelopathy";
            public const string PostOp = "prompt.check.post-op";
        }

        public static class Pain
        {
            public const string Location = "prompt.pain.location";
            public const string LocationMore = "prompt.pain.location-more";
            public const string Spread = "prompt.pain.spread";
            public const string Score = "prompt.pain.score";
            public const string Duration = "prompt.pain.duration";
            public const string Triggers = "prompt.pain.triggers";
        }

        public static class Numbness
        {
            public const string Any = "prompt.numbness.any";
            public const string Where = "prompt.numbness.where";
            public const string WhereMore = "prompt.numbness.where-more";
            public const string Worsening = "prompt.numbness.worsening";
        }

        public static class Treatments
        {
            public const string Pick = "prompt.treatments.pick";
            public const string More = "prompt.treatments.more";
            public const string Helped = "prompt.treatments.helped";
        }

        public static class Education
        {
            public const string Menu = "prompt.education.menu";
        }

        public static class Referral
        {
            public const string Offer = "prompt.referral.offer";
            public const string Name = "prompt.referral.name";
            public const string Contact = "prompt.referral.contact";
            public const string Time = "prompt.referral.time";
            public const string Consent = "prompt.referral.consent";
        }

        public static class Delete
        {
            public const string Confirm = "prompt.delete.confirm";
        }

        public static class Restart
        {
            public const string Confirm = "prompt.restart.confirm";
        }
    }

    public static class Welcome
    {
        public const string Intro = "welcome.intro";
        public const string QuestionCount = "welcome.question-count";
    }

    public static class Consent
    {
        public const string Under16 = "consent.under-16";
        public const string Declined = "consent.declined";
    }

    public static class RedFlag
    {
        public const string Intro = "redflag.intro";
    }

    public static class Advice
    {
        public const string Emergency = "advice.emergency";
        public const string Urgent = "advice.urgent";
        public const string Routine = "advice.routine";
        public const string SelfCare = "advice.self-care";

        /// <summary>Said once when the screen hears the person is or may be pregnant: when to call maternity care now.</summary>
        public const string PregnancyWarning = "advice.pregnancy.warning";

        /// <summary>One line naming the sources (sources.yaml) of the advice just given.</summary>
        public const string Source = "advice.source";

        /// <summary>Each red flag's own advice (red-flags.yaml and dispositions.yaml name them; the code says them from there).</summary>
        public static class RedFlag
        {
            public const string Ces = "advice.redflag.ces";
            public const string Weakness = "advice.redflag.weakness";
            public const string WeaknessSevere = "advice.redflag.weakness-severe";
            public const string ChestPain = "advice.redflag.chest-pain";
            public const string Aaa = "advice.redflag.aaa";
            public const string NeckVascular = "advice.redflag.neck-vascular";
            public const string Trauma = "advice.redflag.trauma";
            public const string SelfHarm = "advice.redflag.self-harm";
            public const string Fever = "advice.redflag.fever";
            public const string Immune = "advice.redflag.immune";
            public const string Cancer = "advice.redflag.cancer";
            public const string WeightLoss = "advice.redflag.weight-loss";
            public const string NightPain = "advice.redflag.night-pain";
            public const string FragilityFracture = "advice.redflag.fragility-fracture";
            public const string Myelopathy = "advice.redflag.myelopathy";
            public const string PostOp = "advice.redflag.post-op";
        }

        /// <summary>Advice of disposition rules that combine findings (dispositions.yaml <c>advice</c>).</summary>
        public static class Combined
        {
            public const string FeverImmune = "advice.redflag.fever-immune";
            public const string FeverSevere = "advice.redflag.fever-severe";
            public const string Stroke = "advice.redflag.stroke";
            public const string AaaKnown = "advice.redflag.aaa-known";
            public const string AaaPulsing = "advice.redflag.aaa-pulsing";
            public const string ImmuneChemo = "advice.redflag.immune-chemo";
            public const string ChemoUnwell = "advice.redflag.chemo-unwell";
            public const string Mscc = "advice.combo.mscc";
            public const string SpinalInfection = "advice.combo.spinal-infection";
            public const string PainRelief = "advice.combo.pain-relief";
            public const string PainBothLegs = "advice.pain.both-legs";
            public const string NumbnessBothLegs = "advice.numbness.both-legs";
            public const string NumbnessWorsening = "advice.numbness.worsening";
            public const string UpperBack = "advice.location.upper-back";
            public const string Inflammatory = "advice.screen.inflammatory";
            public const string OldInjury = "advice.screen.old-injury";
        }
    }

    public static class Check
    {
        /// <summary>Said when a mentioned red flag is not happening now, before the pending question is asked again.</summary>
        public const string CarryOn = "check.carry-on";

        /// <summary>Said instead of <see cref="CarryOn"/> after a self-harm mention answered no: the crisis line, once.</summary>
        public const string SelfHarmNo = "check.self-harm-no";
    }

    /// <summary>Medicine advice after the self-care and routine outcomes: one or the other, never both.</summary>
    public static class Medicine
    {
        public const string Painkillers = "medicine.painkillers";
        public const string Pregnancy = "medicine.pregnancy";
    }

    public static class Safety
    {
        public const string Net = "safety-net";
        public const string EmergencyRepeat = "emergency.repeat";

        /// <summary>The repeat for thoughts of self-harm alone: the crisis line, and the emergency number for danger now.</summary>
        public const string EmergencyRepeatMentalHealth = "emergency.repeat.mental-health";

        /// <summary>The repeat for a possible infection with a weak immune system: the cancer helpline first, then the number.</summary>
        public const string EmergencyRepeatAcuteOncology = "emergency.repeat.acute-oncology";
    }

    public static class Pain
    {
        public const string Intro = "pain.intro";
    }

    public static class Numbness
    {
        public const string Intro = "numbness.intro";
    }

    public static class Treatments
    {
        public const string Intro = "treatments.intro";
    }

    public static class Education
    {
        public const string Intro = "education.intro";
        public const string Done = "education.done";
        public const string Source = "education.source";
    }

    public static class Referral
    {
        public const string ContactInvalid = "referral.contact-invalid";
        public const string Saved = "referral.saved";
        public const string Declined = "referral.declined";
        public const string NoConsent = "referral.no-consent";

        /// <summary>Said instead of <see cref="Saved"/> when no destination is configured: stored, not passed on.</summary>
        public const string SavedNotSent = "referral.saved-not-sent";

        /// <summary>"What happened to my request?", per reference of the conversation (or none).</summary>
        public static class Status
        {
            public const string None = "referral.status.none";
            public const string Waiting = "referral.status.waiting";
            public const string Sending = "referral.status.sending";
            public const string NotSent = "referral.status.not-sent";
            public const string Seen = "referral.status.seen";
            public const string Contacted = "referral.status.contacted";
            public const string Gone = "referral.status.gone";
        }

        public static class Card
        {
            public const string Title = "referral.card.title";
            public const string Name = "referral.card.name";
            public const string Contact = "referral.card.contact";
            public const string Time = "referral.card.time";
            public const string Consent = "referral.card.consent";
            public const string Submit = "referral.card.submit";
            public const string TypeInstead = "referral.card.type-instead";
        }
    }

    public static class Summary
    {
        public const string Title = "summary.title";
        public const string Outcome = "summary.outcome";
        public const string RedFlags = "summary.red-flags";

        /// <summary>What else changed the advice, though it is no warning sign: the <see cref="Note"/> lines, joined.</summary>
        public const string Notes = "summary.notes";
        public const string Pain = "summary.pain";
        public const string Numbness = "summary.numbness";
        public const string Treatments = "summary.treatments";
        public const string None = "summary.none";
        public const string Referral = "summary.referral";
        public const string ReferralNotSent = "summary.referral-not-sent";
        public const string Footer = "summary.footer";

        /// <summary>The items of <see cref="Notes"/>.</summary>
        public static class Note
        {
            public const string Pregnancy = "summary.note.pregnancy";
            public const string Inflammatory = "summary.note.inflammatory";
        }
    }

    public static class Outcome
    {
        public const string Emergency = "outcome.emergency";
        public const string Urgent = "outcome.urgent";
        public const string Routine = "outcome.routine";
        public const string SelfCare = "outcome.self-care";

        /// <summary>Named by dispositions.yaml (rule redflag-self-harm, <c>outcome:</c>), not chosen by the code.</summary>
        public const string MentalHealth = "outcome.mental-health";

        /// <summary>Named by dispositions.yaml (rules fever-immune, chemo-unwell): the cancer helpline first.</summary>
        public const string AcuteOncology = "outcome.acute-oncology";
    }

    /// <summary>
    /// A host page's banner for an outcome the table names, in place of the page's words for the level (the chat
    /// page's emergency banner says "emergency care now", which is not the help thoughts of self-harm alone need).
    /// </summary>
    public static class Banner
    {
        public const string MentalHealth = "banner.mental-health";
    }

    /// <summary>The clinic's Teams inbox: the referral card staff see, their actions, and the staff commands.</summary>
    public static class Clinic
    {
        public static class Card
        {
            public const string Title = "clinic.card.title";
            public const string Reference = "clinic.card.reference";
            public const string Level = "clinic.card.level";
            public const string Hazards = "clinic.card.hazards";
            public const string Age = "clinic.card.age";
            public const string Time = "clinic.card.time";
            public const string Status = "clinic.card.status";
            public const string ClaimedBy = "clinic.card.claimed-by";
            public const string Notes = "clinic.card.notes";
            public const string Answers = "clinic.card.answers";
            public const string NoContact = "clinic.card.no-contact";
            public const string ContactName = "clinic.card.contact-name";
            public const string ContactDetails = "clinic.card.contact-details";
            public const string ContactOnlyYou = "clinic.card.contact-only-you";
            public const string Refusal = "clinic.card.refusal";
            public const string PossibleRepeat = "clinic.card.possible-repeat";
        }

        public static class Action
        {
            public const string Claim = "clinic.action.claim";
            public const string ShowContact = "clinic.action.show-contact";
            public const string MarkContacted = "clinic.action.mark-contacted";
            public const string AddNote = "clinic.action.add-note";
            public const string NoteLabel = "clinic.action.note-label";
            public const string SaveNote = "clinic.action.save-note";
        }

        public static class Status
        {
            public const string Waiting = "clinic.status.waiting";
            public const string Seen = "clinic.status.seen";
            public const string Contacted = "clinic.status.contacted";
        }

        public static class List
        {
            public const string Title = "clinic.list.title";
            public const string Item = "clinic.list.item";
            public const string Empty = "clinic.list.empty";
            public const string More = "clinic.list.more";
            public const string NotFound = "clinic.list.not-found";
        }
    }

    public static class Commands
    {
        public const string RestartHint = "ending.restart-hint";
        public const string Help = "help.text";
        public const string RestartDone = "restart.done";
        public const string StopDone = "stop.done";
        public const string Human = "human.text";
        public const string DeleteDone = "delete.done";
        public const string DeleteCancelled = "delete.cancelled";
        public const string DeleteNothing = "delete.nothing";
    }

    /// <summary>Teams: what the bot says in group chats and channels, where the triage itself never runs.</summary>
    public static class Teams
    {
        public const string Intro = "teams.intro";
        public const string EducationMenu = "teams.education-menu";
        public const string GroupSafety = "teams.group-safety";
        public const string PrivateChatSent = "teams.private-chat.sent";
        public const string PrivateChatUnavailable = "teams.private-chat.unavailable";
        public const string PrivateChatResume = "teams.private-chat.resume";
        public const string TenantRefused = "teams.tenant-refused";
    }

    /// <summary>What a choice prompt says to a reply that is not an answer, before asking again.</summary>
    public static class Replies
    {
        public const string Question = "reply.question";
        public const string FreeText = "reply.free-text";
    }

    public static class Errors
    {
        public const string NotUnderstood = "not-understood";
        public const string DialogUpdated = "dialog.updated";
        public const string Turn = "error.turn";
    }

    /// <summary>The finding ids the dialogs record and dispositions.yaml matches on (README, "Findings").</summary>
    public static class Findings
    {
        public const string WeaknessRapid = "redflag.weakness.rapid";
        public const string WeaknessSudden = "redflag.weakness.sudden";
        public const string FeverSevere = "redflag.fever.severe";
        public const string AgeUnder45 = "age.under-45";
        public const string Age50Plus = "age.50-plus";

        /// <summary>An age the bot could not understand: graded like the oldest group (when in doubt, escalate).</summary>
        public const string AgeUnclear = "age.unclear";
        public const string InjuryMinor = "injury.minor";

        /// <summary>A serious accident or bad fall before the last 2 weeks that no doctor or nurse has checked.</summary>
        public const string InjuryOldUnchecked = "injury.old-unchecked";

        /// <summary>The back pain started before 45: age under 45 now, or the onset question (NICE NG65).</summary>
        public const string OnsetUnder45 = "onset.under-45";
        public const string RiskBones = "risk.bones";

        /// <summary>Told they have an aortic aneurysm (yes / not sure).</summary>
        public const string RiskAaa = "risk.aaa";

        /// <summary>A pulsing or throbbing feeling in the tummy at 50 or over (yes / not sure).</summary>
        public const string AaaPulsing = "aaa.pulsing";

        /// <summary>Chemotherapy or other cancer treatment now or in the last 6 weeks (yes / not sure).</summary>
        public const string ImmuneChemo = "immune.chemo";

        /// <summary>Feeling unwell at all during cancer treatment (yes / not sure).</summary>
        public const string ChemoUnwell = "chemo.unwell";
        public const string ProcedureRecent = "procedure.recent";
        public const string InflammatoryYes = "inflammatory.yes";
        public const string PregnancyYes = "pregnancy.yes";
        public const string PainScoreSevere = "pain.score.severe";
        public const string NumbnessYes = "numbness.yes";
        public const string NumbnessWorsening = "numbness.worsening";
        public const string TreatmentsTried = "treatments.tried";

        /// <summary>Every finding, including <c>redflag.{id}</c> for each red flag and every choice-based one.</summary>
        public static IReadOnlySet<string> All { get; } = ContentKeyTables.Findings();

        /// <summary><c>redflag.{id}</c>.</summary>
        public static string RedFlag(string id) => "redflag." + id;

        /// <summary>Choice-based findings: the area, then the choice id (README, "Findings").</summary>
        public static string PainLocation(string choiceId) => "pain.location." + choiceId;

        public static string PainSpread(string choiceId) => "pain.spread." + choiceId;

        public static string Duration(string choiceId) => "duration." + choiceId;

        public static string Age(string choiceId) => "age." + choiceId;

        public static string NumbnessWhere(string choiceId) => "numbness.where." + choiceId;

        public static string Treatment(string choiceId) => "treatments." + choiceId;

        public static string TreatmentsHelped(string choiceId) => "treatments.helped." + choiceId;
    }

    private static HashSet<string> Collect()
    {
        Type[] notKeys = [typeof(RedFlagIds), typeof(Args), typeof(Findings)];
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Type>(typeof(ContentKeys).GetNestedTypes().Except(notKeys));
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            foreach (var nested in type.GetNestedTypes())
            {
                pending.Push(nested);
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            {
                keys.Add((string)field.GetRawConstantValue()!);
            }
        }

        return keys;
    }
}
