namespace Herald.Text.Entities;

/// <summary>Words for roles people hold; before a name they make it a person and later stand in for it.</summary>
internal static class Titles
{
    private static readonly HashSet<string> Roles = new(
        ("president minister prime chancellor premier spokesperson spokesman spokeswoman secretary " +
         "secretary-general ceo chief executive director chairman chairwoman chair coach captain manager " +
         "striker goalkeeper midfielder defender forward player king queen prince princess pope senator governor " +
         "mayor ambassador envoy general commander judge leader novelist author writer professor prof dr mr mrs sen gov " +
         "ms sir economist analyst official founder head lawmaker mp deputy vice foreign finance defence defense " +
         "councillor councilor cllr alderman curator archivist barrister solicitor " +
         "health interior trade education economy justice agriculture transport environment opposition " +
         "union party chief-executive president-elect emir sheikh sultan crown archbishop bishop cardinal " +
         "commissioner spokesperson's diplomat negotiator adviser advisor counsellor representative " +
         "lieutenant colonel major admiral sergeant officer inspector detective superintendent attorney " +
         "prosecutor lawyer actor actress singer director-general rector dean scientist researcher " +
         "chancellor's president's minister's " +
         // Trades and sporting positions news copy puts before a name ("Farmer Tom Metcalfe", "winger Ren Sato").
         "farmer landlord landlady publican shopkeeper fisherman nurse teacher doctor surgeon paramedic vicar " +
         "rider cyclist winger full-back fly-half scrum-half substitute skipper referee boss")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that can head a reference such as "the minister" or "the coach".</summary>
    private static readonly HashSet<string> Heads = new(
        ("president minister chancellor premier spokesperson spokesman spokeswoman secretary secretary-general " +
         "ceo executive director chairman chairwoman chair coach captain manager striker goalkeeper " +
         "midfielder defender player king queen prince princess pope senator governor mayor ambassador envoy " +
         "general commander judge leader novelist author writer professor economist analyst official founder " +
         "head lawmaker emir sheikh sultan archbishop bishop cardinal commissioner diplomat negotiator adviser " +
         "advisor officer prosecutor lawyer actor actress singer scientist researcher director-general councillor detective " +
         "councilor alderman curator archivist barrister solicitor " +
         "mr mrs ms dr prof sir dame lord lady sen gov " +
         "farmer landlord landlady publican shopkeeper fisherman nurse teacher doctor surgeon vicar " +
         "rider cyclist winger full-back fly-half scrum-half skipper referee boss")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries),
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Female = new(
        "mrs ms miss madam dame lady queen princess spokeswoman chairwoman actress congresswoman businesswoman sister mother"
            .Split(' '), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Male = new(
        "mr sir lord king prince spokesman chairman actor congressman businessman brother father"
            .Split(' '), StringComparer.OrdinalIgnoreCase);

    /// <summary>'f' or 'm' when a title says which pronoun fits the person, otherwise null.</summary>
    public static char? GenderOf(string title) => Female.Contains(title) ? 'f' : Male.Contains(title) ? 'm' : null;

    public static bool IsRole(ReadOnlySpan<char> word) => Roles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    public static bool IsHead(ReadOnlySpan<char> word) => Heads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static readonly HashSet<string> OtherRoleModifiers = new(
        "opposition deputy shadow former vice assistant acting interim".Split(' '), StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make a role someone else's than the bare role: "opposition leader", "deputy mayor".</summary>
    public static bool IsOtherRoleModifier(string title) => OtherRoleModifiers.Contains(title);

    /// <summary>Words that are only titles when they sit right before a role ("Foreign Minister").</summary>
    public static bool IsRoleModifier(ReadOnlySpan<char> word) =>
        IsRole(word) && !IsHead(word);
}