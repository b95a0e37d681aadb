namespace Herald.Bench.Corpus;

/// <summary>
/// The words the generated newsroom writes with, all written for this bench (no copied text).
/// Each section has its own actors and subjects so that a tag or section page reads plausibly;
/// the rest is shared newsroom phrasing.
/// </summary>
internal static class Vocabulary
{
    public sealed record Section(string Name, string Description, double Share, string[] Actors, string[] Subjects);

    /// <summary>Shares are the part of the output each desk writes; they add up to 1.</summary>
    public static readonly Section[] Sections =
    [
        new("Politics", "Councils, parliament and the people who run them", 0.20,
            ["the city council", "the opposition", "the finance committee", "the mayor's office", "the governing coalition",
             "parliament", "the county governor", "local party leaders", "the minister", "the planning committee"],
            ["the municipal budget", "the coalition agreement", "the new ferry contract", "the housing bill", "the school closure plan",
             "the proposed toll ring", "the election timetable", "the pension reform", "the tax package", "the regional merger",
             "the lobbying register", "the transparency rules", "the rural healthcare plan", "the police reform", "the harbour zoning plan"]),
        new("World", "Diplomacy, conflict and neighbours near and far", 0.18,
            ["the foreign ministry", "negotiators", "the UN envoy", "both delegations", "neighbouring governments",
             "aid agencies", "the coast guard", "the European Commission", "the embassy", "regional leaders"],
            ["the ceasefire talks", "the fishing quota dispute", "the trade agreement", "the border crossing", "the aid convoy",
             "the climate summit", "the refugee agreement", "the sanctions package", "the observers' report", "the seabed mining talks",
             "the Arctic council meeting", "the grain corridor", "the peace framework", "the embassy closure", "the water-sharing treaty"]),
        new("Business", "Companies, jobs, money and the harbour economy", 0.16,
            ["the board", "shareholders", "the central bank", "analysts", "the chief executive", "the unions",
             "the shipping group", "the regional savings bank", "investors", "the employers' federation"],
            ["the quarterly results", "the merger", "the share buyback", "the shipyard order", "the salmon export figures",
             "the interest rate decision", "the wage settlement", "the new data centre", "the bank's lending rules", "the pension fund's stake",
             "the ferry operator's bid", "the retail chain's expansion", "the bankruptcy filing", "the battery factory plans", "the port expansion"]),
        new("Science", "Research, health, climate and the natural world", 0.09,
            ["researchers", "the university", "the marine institute", "the research council", "a team of biologists",
             "the meteorological institute", "the lead author", "the ethics committee", "the hospital's research unit", "the survey team"],
            ["the glacier survey", "the vaccine trial", "the cod stock assessment", "the deep-sea expedition", "the new telescope data",
             "the soil study", "the sleep research", "the wolf census", "the ocean temperature series", "the antibiotic resistance report",
             "the research vessel's findings", "the pollen count", "the microplastics study", "the seabed mapping project", "the bird migration study"]),
        new("Sport", "Results, transfers and the clubs that matter here", 0.16,
            ["the club", "the coach", "the federation", "the home side", "the visitors", "the captain",
             "the board of the football club", "supporters", "the league", "the selectors"],
            ["the cup final", "the relegation battle", "the transfer window", "the new stadium", "the ski season opener",
             "the handball qualifier", "the coaching change", "the marathon route", "the youth academy", "the doping inquiry",
             "the away form", "the title race", "the sailing regatta", "the ice hockey playoffs", "the artificial pitch"]),
        new("Culture", "Stages, screens, books and the city's galleries", 0.12,
            ["the festival", "the director", "the museum", "the arts council", "the jury", "the orchestra",
             "the publisher", "the city library", "the curators", "the theatre company"],
            ["the festival programme", "the new opera production", "the library's reopening", "the art prize shortlist", "the museum extension",
             "the film fund", "the theatre season", "the literary festival", "the jazz club's closure", "the restoration of the old cinema",
             "the poetry prize", "the concert hall acoustics", "the street art project", "the translation grant", "the summer concerts"]),
        new("Technology", "Software, networks and the machines we live with", 0.09,
            ["the developers", "the telecom operator", "the data protection authority", "the start-up", "engineers",
             "the regulator", "the software company", "the national security authority", "the platform", "the IT department"],
            ["the broadband rollout", "the new payment app", "the data breach", "the chip shortage", "the AI guidelines",
             "the open-source release", "the 5G masts", "the electric ferry software", "the digital ID system", "the cloud contract",
             "the cyber attack", "the app store rules", "the satellite launch", "the e-health records system", "the ticketing app"]),
    ];

    public static readonly string[] FirstNames =
    [
        "Ingrid", "Marta", "Jonas", "Elias", "Sofie", "Henrik", "Amira", "Tobias", "Leah", "Oskar", "Nora", "Daniel",
        "Sara", "Mikael", "Hanna", "Yusuf", "Kari", "Anders", "Ida", "Fredrik", "Linnea", "Omar", "Astrid", "Magnus",
    ];

    public static readonly string[] LastNames =
    [
        "Solberg", "Haugen", "Lindqvist", "Berg", "Nilsen", "Okafor", "Dahl", "Strand", "Moe", "Aziz", "Eriksen", "Lund",
        "Brekke", "Vik", "Holm", "Sandvik", "Karlsen", "Rahman", "Nygaard", "Fjeld", "Hansen", "Torp", "Aasen", "Kowalski",
    ];

    public static readonly string[] Places =
    [
        "Bergen", "Stavanger", "Tromsø", "Trondheim", "Oslo", "Ålesund", "Bodø", "Kristiansand", "Gothenburg", "Aarhus",
        "Reykjavik", "Tórshavn", "Copenhagen", "Stockholm", "Helsinki", "Tallinn", "Riga", "Gdańsk", "Hamburg", "Rotterdam",
        "Aberdeen", "Shetland", "Lofoten", "Svalbard", "Nuuk", "Brussels", "Geneva", "Lisbon", "Valletta", "Athens",
        "Nairobi", "Lagos", "Dhaka", "Manila", "Montreal", "Halifax", "Santiago", "Hobart", "Wellington", "Cape Town",
    ];

    /// <summary>Subjects a news site tags: broad topics, then named places and people (built in Newsroom).</summary>
    public static readonly string[] Topics =
    [
        "Housing", "Ferries", "Fisheries", "Aquaculture", "Energy", "Wind power", "Oil and gas", "Climate", "Weather", "Floods",
        "Schools", "Universities", "Healthcare", "Hospitals", "Elderly care", "Mental health", "Childcare", "Pensions", "Taxes", "Budget",
        "Elections", "Local government", "Parliament", "Courts", "Policing", "Crime", "Immigration", "Refugees", "Diplomacy", "Defence",
        "NATO", "European Union", "Trade", "Sanctions", "Arctic", "Shipping", "Ports", "Tourism", "Cruise ships", "Retail",
        "Banking", "Interest rates", "Inflation", "Jobs", "Unions", "Start-ups", "Property", "Construction", "Roads", "Railways",
        "Airports", "Public transport", "Cycling", "Electric cars", "Batteries", "Mining", "Seabed", "Oceans", "Biodiversity", "Wildlife",
        "Forestry", "Farming", "Food", "Restaurants", "Water", "Waste", "Recycling", "Pollution", "Glaciers", "Space",
        "Astronomy", "Medicine", "Vaccines", "Genetics", "Research funding", "Artificial intelligence", "Cybersecurity", "Privacy", "Broadband", "Apps",
        "Social media", "Gaming", "Football", "Handball", "Skiing", "Ice hockey", "Athletics", "Sailing", "Cycling races", "Chess",
        "Music", "Jazz", "Opera", "Theatre", "Film", "Television", "Books", "Poetry", "Museums", "Architecture",
        "Design", "Photography", "Festivals", "Heritage", "Languages", "Religion", "Obituaries", "Royal family", "Media", "Press freedom",
    ];

    public static readonly string[] Groups =
    [
        "commuters", "families with young children", "small businesses", "pensioners", "students", "fishermen", "fans",
        "residents on the islands", "shift workers", "tenants", "farmers", "first-time buyers", "patients", "teachers",
    ];

    public static readonly string[] Roles =
    [
        "the mayor", "deputy leader of the finance committee", "chair of the residents' association", "a senior researcher",
        "the head coach", "the festival director", "chief economist at the regional savings bank", "a union representative",
        "who runs a bakery near the harbour", "professor of marine biology", "the club captain", "a ferry captain of twenty years",
        "a spokesperson for the ministry", "the hospital's medical director", "a local councillor", "the project manager",
    ];

    public static readonly string[] PastVerbs =
    [
        "approved", "rejected", "postponed", "defended", "questioned", "welcomed", "criticised", "announced changes to",
        "delayed", "revised", "signed off on", "raised concerns about", "reopened", "backed", "scaled back", "put forward",
    ];

    public static readonly string[] Times =
    [
        "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "at the weekend", "last week",
        "earlier this month", "on Tuesday evening", "late on Thursday", "this morning", "on Wednesday afternoon",
    ];

    public static readonly string[] Futures =
    [
        "before the summer", "in the autumn", "by the end of the year", "early next year", "within weeks",
        "at the next council meeting", "once the hearing period ends", "after the summer break",
    ];

    public static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    public static readonly string[] Localities =
    [
        "in the old town", "along the waterfront", "in the northern districts", "on the islands", "in the harbour district",
        "on the university campus", "in the valley communities", "outside the town hall", "in the city centre", "on the east side",
    ];

    public static readonly string[] Clauses =
    [
        "", "", "", ", saying more time was needed", ", citing rising costs", ", ending weeks of uncertainty",
        ", to the surprise of many observers", ", after a heated debate", ", in a vote of seven to four",
    ];

    public static readonly string[] Metrics =
    [
        "sales", "applications", "visitor numbers", "waiting times", "ticket sales", "the number of complaints",
        "energy use", "traffic on the route", "membership", "exports",
    ];

    public static readonly string[] Judgements =
    [
        "rushed", "poorly explained", "well prepared", "underfunded", "too ambitious", "necessary", "handled openly", "overdue",
    ];

    public static readonly string[] Effects = ["hurt", "cost", "leave behind", "confuse", "burden"];
    public static readonly string[] Benefits = ["help", "protect", "bring new jobs to", "make life easier for", "reassure"];
    public static readonly string[] Moods = ["tense", "cautiously optimistic", "angry", "quiet", "upbeat", "resigned", "defiant"];
    public static readonly string[] Processes = ["negotiations", "hearings", "delays", "disagreement", "consultations", "legal wrangling"];
    public static readonly string[] Values = ["trust", "safety", "fairness", "the next generation", "jobs", "the whole community"];
    public static readonly string[] Ordinals = ["second", "third", "fourth", "fifth"];
    public static readonly string[] Rises = ["rose", "fell", "climbed", "dropped", "jumped", "slipped"];
    public static readonly string[] Currencies = ["million kroner", "million euros", "billion kroner"];
    public static readonly string[] Exclusions = ["temporary workers", "the islands", "the final quarter", "online sales", "volunteers"];

    /// <summary>Sentence shapes; {slots} are filled by <see cref="Prose"/>.</summary>
    public static readonly string[] Sentences =
    [
        "{actor} {verb} {subject} {time}{clause}.",
        "The decision follows {small} months of {process} over {subject}.",
        "According to figures published {time}, {metric} {rise} by {percent} compared with the same period last year.",
        "{speaker} said {subject} had been {judgement} from the start.",
        "Critics argue that {subject} will {effect} {group}.",
        "Supporters say it could {benefit} {group} {locality}.",
        "{actor} declined to comment on {subject} when contacted {time}.",
        "A final decision is expected {future}.",
        "It is the {ordinal} time in {small} years that {subject} has come up for debate.",
        "Around {count} people attended a meeting {locality} {time} to discuss {subject}.",
        "The cost has risen to {money}, {small} percent more than when the plan was first presented.",
        "Not everyone is convinced.",
        "The mood {locality} was {mood}.",
        "In a written statement, {actor} said the process had been {judgement}.",
        "Several of those affected said they had learned about {subject} from social media.",
        "{group} {locality} have been waiting for clarity since {month}.",
        "Documents seen by this newspaper show that {actor} had been warned about {subject} as early as {month}.",
        "The figures do not include {exclusion}.",
        "{subject} will be reviewed again {future}.",
        "Both sides agree that {subject} cannot wait much longer, but they agree on little else.",
        "Pressure on {actor} has grown since {month}, when {metric} {rise} sharply.",
        "Few expected {actor} to move this quickly.",
        "For {group}, the question is simpler: who pays?",
        "The last time {subject} was discussed in public, {count} people signed a petition against it.",
    ];

    /// <summary>What people say, without the quotation marks.</summary>
    public static readonly string[] Quotes =
    [
        "We have waited long enough for {subject}",
        "Nobody here wants {subject} to fail, but the numbers have to add up",
        "This is about {value}, not about {subject}",
        "We were told one thing in {month} and something else today",
        "I understand why people are frustrated",
        "We will look at every part of {subject} again",
        "It is a good day for {group}",
        "There is still a lot of work to do",
        "I have never seen anything like it in {small} years",
        "The door is not closed",
        "If {actor} had listened in {month}, we would not be here",
        "My phone has not stopped ringing since {time}",
    ];

    public static readonly string[] Subheadings =
    [
        "What happens next", "A long road", "The numbers", "Reaction {locality}", "Who pays", "Questions remain",
        "Behind the decision", "What critics say", "A familiar pattern", "Looking ahead", "The view from {place}",
        "Waiting for {subject}", "How we got here", "Not the first time",
    ];

    public static readonly string[] HeadlineTails =
    [
        "gets green light", "faces new delay", "put on hold", "wins backing from {actor}", "splits {actor}",
        "back on the table", "under fire from {actor}", "approved after late-night session", "costs more than planned",
        "to be reviewed {future}", "divides {group}", "survives last-minute challenge",
    ];
}