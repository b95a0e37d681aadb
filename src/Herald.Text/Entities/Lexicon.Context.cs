namespace Herald.Text.Entities;

/// <summary>Words around a name that say what it names.</summary>
internal static partial class Lexicon
{
    /// <summary>Legal forms and club words that end or open an organisation's name ("Fjordlaks ASA", "FC Lindholm").</summary>
    public static readonly HashSet<string> LegalSuffixes = Set(
        "Ltd Ltd. Limited Inc Inc. Incorporated Corp Corp. Corporation LLC LLP Plc PLC plc AG GmbH KGaA SE SA S.A. NV N.V. BV " +
        "B.V. AB ASA AS Oyj Oy SpA S.p.A. Srl SAS Pty Bhd Tbk KK Co Co. Group Holdings Holding FC AFC IF BK SK SC CF",
        StringComparer.Ordinal);

    /// <summary>Legal forms proper, which close a company's name ("Northlight Capital BV of Amsterdam" ends at "BV").</summary>
    public static readonly HashSet<string> LegalForms = Set(
        "Ltd Limited Inc Incorporated Corp LLC LLP Plc PLC plc AG GmbH KGaA SE NV BV AB ASA Oyj Oy SpA Srl SAS Pty Bhd",
        StringComparer.Ordinal);

    /// <summary>Lower-case words for kinds of organisation; right before a name they make it one ("lessor AerCap").</summary>
    public static readonly HashSet<string> OrganizationDescriptors = Set(
        "company companies firm firms group groups maker makers carmaker carmakers chipmaker chipmakers automaker " +
        "operator operators carrier carriers airline airlines bank banks lender lenders insurer insurers retailer retailers " +
        "grocer grocers supermarket supermarkets chain brewer brewers miner miners producer producers manufacturer " +
        "manufacturers developer developers lessor lessors investor fund funds union unions federation association club clubs " +
        "newspaper newspapers broadcaster broadcasters agency agencies regulator regulators rival rivals discounter discounters " +
        "startup start-up conglomerate utility utilities supplier suppliers subsidiary consultancy watchdog charity " +
        "publisher publishers label studio studios exchange shipowner shipper shippers consortium cooperative co-operative " +
        "giant outlet daily tabloid broadsheet party parties side sides team teams franchise brand brands stores " +
        "network spin-out spinout organisation organization charity ngo",
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Before "at", "in", "for" or "of" and a name: people and things only organisations have.</summary>
    public static readonly HashSet<string> OrganizationPeople = Set(
        "analysts analyst economists economist strategists strategist traders employees employee workers staff executives " +
        "executive spokesperson spokesman spokeswoman spokespeople shares stake stakes shareholders investors board " +
        "director directors chairman chairwoman ceo founder owner owners customers management subsidiary unit",
        StringComparer.Ordinal);

    /// <summary>After "X's": things only organisations have.</summary>
    public static readonly HashSet<string> OrganizationPossessions = Set(
        "shares shareholders board headquarters chief ceo chairman chairwoman spokesperson spokesman spokeswoman employees " +
        "workforce staff subsidiary subsidiaries factory factories plants products customers profit profits revenue revenues " +
        "sales stock brand brands stores branches fleet annual quarterly largest biggest",
        StringComparer.Ordinal);

    /// <summary>After "X's": things places have.</summary>
    public static readonly HashSet<string> PlacePossessions = Set(
        "mayor residents population harbour harbor streets suburbs outskirts coast coastline capital citizens inhabitants",
        StringComparer.Ordinal);

    /// <summary>Between a name and a person ("Chelsea midfielder Jamal Osei"): jobs people hold at an organisation.</summary>
    public static readonly HashSet<string> EmployeeRoles = Set(
        "manager coach captain striker midfielder defender goalkeeper winger forward player analyst chief executive " +
        "spokesperson spokesman spokeswoman chairman chairwoman founder boss economist strategist director engineer " +
        "researcher scientist curator editor correspondent reporter batallion battalion lawyer partner head",
        StringComparer.Ordinal);

    /// <summary>Between a name and a person ("Norrhavn mayor Ingrid Solberg"): offices of a place.</summary>
    public static readonly HashSet<string> PlaceRoles = Set("mayor councillor governor residents resident", StringComparer.Ordinal);

    /// <summary>"the herders of Kautokeino", "the people of Lewis": those who live in a place, before "of" and its name.</summary>
    public static readonly HashSet<string> Inhabitants = Set(
        "people inhabitants citizens villagers townspeople islanders fishermen herders farmers families", StringComparer.Ordinal);

    /// <summary>
    /// "moved its workshops to Skejby": verbs that send something somewhere, with their object between them and "to"
    /// (a player who "moved to Brantwick" may have joined a club).
    /// </summary>
    public static readonly HashSet<string> SendingVerbs = Set(
        "moved moves move moving relocated relocate relocates shifted transferred evacuated sent", StringComparer.Ordinal);

    /// <summary>"and nearby Risskov", "neighbouring Trøjborg": adjectives that only stand before a place.</summary>
    public static readonly HashSet<string> Nearby = Set("nearby neighbouring neighboring", StringComparer.Ordinal);

    /// <summary>Prepositions that put the name after them on a map; "at", "from" and "to" are weaker and listed apart.</summary>
    public static readonly HashSet<string> PlacePrepositions = Set(
        "in near outside across throughout towards toward via through around between inside into", StringComparer.Ordinal);

    /// <summary>"town of", "village of": before "of" and a name, a kind of place.</summary>
    public static readonly HashSet<string> PlaceNouns = Set(
        "town towns city cities village villages port capital region province county district municipality island " +
        "islands state suburb neighbourhood neighborhood parish parishes hamlet hamlets borough valley republic station",
        StringComparer.Ordinal);

    /// <summary>
    /// Travel and the ways of it: "travelled to", "ferries to" put the name after "to" on a map. Not "moved to" or
    /// "returned to", which sport copy says of clubs.
    /// </summary>
    public static readonly HashSet<string> MotionVerbs = Set(
        "travelled traveled travelling traveling travel travels flew fly flies flying drove drive drives driving sailed sail " +
        "sails sailing relocated evacuated walked cycled rowed swam migrated fled flee fleeing emigrated commute commutes " +
        "commuted trip trips journey journeys route routes road roads ferry ferries flight flights train trains bus buses " +
        "came come comes coming descent ascent climb",
        StringComparer.Ordinal);

    /// <summary>"north of", "the tip of", "the outskirts of": parts and sides only a place has.</summary>
    public static readonly HashSet<string> PlaceParts = Set(
        "north south east west north-east north-west south-east south-west northeast northwest southeast southwest " +
        "tip coast coastline outskirts shores suburbs mouth reaches banks source",
        StringComparer.Ordinal);

    /// <summary>"the rivers Eden and Derwent", "Marin and Mendocino counties": kinds of place named beside a list of names.</summary>
    public static readonly HashSet<string> PlaceKinds = Set(
        "river rivers lake lakes island islands town towns village villages city cities county counties province provinces " +
        "region regions district districts valley valleys municipality municipalities state states fjord fjords",
        StringComparer.Ordinal);

    /// <summary>Last words of sports clubs that stand alone for the club in later mentions ("Rovers" for Northgate Rovers).</summary>
    /// <summary>Verbs of a business after ", which": "Mossgate, which runs co-working spaces" — places and people do not.</summary>
    public static readonly HashSet<string> BusinessVerbs = Set(
        "makes made operates operated owns owned sells sold supplies supplied employs employed builds built " +
        "manufactures manufactured produces produced develops developed runs ran",
        StringComparer.Ordinal);

    /// <summary>After "X, further ...": where a place lies from the last one ("Burnsall, further downstream,").</summary>
    public static readonly HashSet<string> Whereabouts = Set(
        "downstream upstream inland uphill downhill upriver downriver offshore", StringComparer.Ordinal);

    /// <summary>People described by where they live: "an accountant from Shipley", "a man from Goole".</summary>
    public static readonly HashSet<string> ResidentNouns = Set(
        "man woman boy girl men women family couple mother father grandmother grandfather pensioner student resident " +
        "residents nurse teacher accountant farmer driver fans supporters widow widower son daughter husband wife grandson " +
        "granddaughter neighbour neighbor retiree",
        StringComparer.Ordinal);

    /// <summary>"A neighbour, who asked not to be named, ...": people news copy leaves unnamed, opening a sentence with "a".</summary>
    public static readonly HashSet<string> UnnamedPeople = Set(
        "neighbour neighbor witness passer-by bystander onlooker resident woman man mother father relative friend colleague " +
        "customer passenger driver worker nurse teacher parent pupil student source official spokesman spokeswoman spokesperson",
        StringComparer.Ordinal);

    /// <summary>Before "for" and a name: who a player or rider turns out for ("rides for Velo Brabant").</summary>
    public static readonly HashSet<string> TurnsOutFor = Set(
        "plays played playing rides rode riding races raced racing signed", StringComparer.Ordinal);

    /// <summary>Place words that end a club's name too ("Ashby Town", "Grimsby Borough"): a result beside it decides.</summary>
    public static readonly HashSet<string> TeamPlaceWords = Set("Town Borough County", StringComparer.Ordinal);

    public static readonly HashSet<string> ClubWords = Set("United Rovers Athletic Wanderers Rangers Albion City Hotspur Celtic Argyle", StringComparer.Ordinal);

    /// <summary>
    /// Plural landscape words that end a place's name ("Yorkshire Dales", "South Downs"): in sport copy they are no club's
    /// nickname, though "Sharks" and "Wolves" are.
    /// </summary>
    public static readonly HashSet<string> LandscapePlurals = Set(
        "Dales Hills Downs Fells Moors Lakes Highlands Lowlands Midlands Borders Isles Islands Heights Gardens Flats Marshes " +
        "Meadows Fields Sands Woods Falls Docks Alps Mountains Wolds Broads Levels Glens Valleys Keys Springs Rapids Narrows",
        StringComparer.Ordinal);

    /// <summary>Verbs of a result in sport, before the other side and the score: "Harlequins beat Saracens 38-36".</summary>
    public static readonly HashSet<string> ResultVerbs = Set(
        "beat beats edged edge edges thrashed thrash defeated defeat defeats overcame overcome drew draw lost lose loses " +
        "routed hammered stunned held won win wins beaten",
        StringComparer.Ordinal);

    /// <summary>After a score and before the other side: "a 3-1 win over", "a 0-2 home defeat by".</summary>
    public static readonly HashSet<string> ResultNouns = Set("win victory defeat loss draw triumph thrashing", StringComparer.Ordinal);

    /// <summary>Deals whose other side, after "from", is a club or a company: "signed X from", "ordered jets from".</summary>
    public static readonly HashSet<string> DealWords = Set(
        "signed signs signing bid bids offer offers approach ordered orders order bought buys buy purchased purchases " +
        "acquired acquires loan loaned contract",
        StringComparer.Ordinal);

    /// <summary>Verbs that announce results, before "profit" or "sales" ("posted a pre-tax profit").</summary>
    public static readonly HashSet<string> ResultsVerbs = Set("posted posts reported reports booked books recorded records swung swings", StringComparer.Ordinal);

    /// <summary>What only a business reports.</summary>
    public static readonly HashSet<string> ResultsNouns = Set(
        "profit profits loss losses revenue revenues sales earnings turnover dividend dividends", StringComparer.Ordinal);

    /// <summary>Verbs that move a business's own outlook, with "its" before it ("cut its forecast").</summary>
    public static readonly HashSet<string> ForecastVerbs = Set(
        "cut cuts raised raises lifted lifts lowered lowers slashed slashes trimmed trims", StringComparer.Ordinal);

    public static readonly HashSet<string> ForecastNouns = Set("forecast forecasts guidance outlook dividend prices", StringComparer.Ordinal);

    /// <summary>Buildings and works that stand somewhere: "the plant at X", "a shop on X" name where.</summary>
    public static readonly HashSet<string> Sites = Set(
        "plant plants factory factories mill mine mines refinery smelter terminal depot warehouse shipyard yard base camp " +
        "campus site works shop shops store stores cafe café restaurant bar pub hotel bakery house houses flat flats " +
        "home homes building buildings office offices headquarters museum hospital school church station promenade seafront " +
        "harbour harbor beach pier quay marina",
        StringComparer.Ordinal);

    /// <summary>Lower-case words right after a place's name ("Norrhavn city council", "Keswick residents").</summary>
    public static readonly HashSet<string> PlaceFollowers = Set(
        "city town village council mayor residents harbour harbor airport district region province county counties area station valley " +
        "catchment estuary floodplain basin rivers villages by-election constituency",
        StringComparer.Ordinal);

    /// <summary>Words of match reports and transfer news; three different ones make an article sport copy.</summary>
    public static readonly HashSet<string> SportWords = Set(
        "goal goals scored scorer striker strikers midfielder midfielders defender defenders goalkeeper keeper winger wingers " +
        "penalty penalties fixture fixtures kick-off half-time league leagues referee squad tries wicket wickets innings " +
        "unbeaten relegation promotion relegated promoted equaliser equalizer substitute loan gaffer rugby cricket scrum scrums " +
        "lineout lineouts fly-half scrum-half full-back batsman batter batters bowler bowlers seamer spinner play-off play-offs",
        StringComparer.Ordinal);

    /// <summary>What one side does to another in sport copy: "Appleby travel to Penrith", "Leicester host Sale Sharks".</summary>
    public static readonly HashSet<string> FixtureVerbs = Set(
        "face faces host hosts visit visits play plays meet meets travel travels welcome welcomes entertain entertains", StringComparer.Ordinal);

    /// <summary>Water taken from somewhere: "draw water from the Nidd", "abstraction from the Gelt".</summary>
    public static readonly HashSet<string> WaterWords = Set(
        "water waters abstraction abstract abstracted abstracting flow flows litres gallons draw draws drawn drawing pumped pumping",
        StringComparer.Ordinal);

    /// <summary>Kinds of business named after a name or a list of names: "the Fennick and Hartley Home brands".</summary>
    public static readonly HashSet<string> OrganizationKinds = Set("brand brands label labels chains companies firms banks", StringComparer.Ordinal);

    /// <summary>Adjectives of time and rank before a country's code, which make no name with it ("Former US president").</summary>
    public static readonly HashSet<string> RankAdjectives = Set(
        "Former Ex Then Acting Outgoing Incoming Future Rival Top Leading Senior Junior Interim Caretaker Chief", StringComparer.Ordinal);

    /// <summary>Parties named by one word: "Labour's candidate", "the Tories". At a sentence start only with a possessive.</summary>
    public static readonly HashSet<string> PartyNames = Set(
        "Labour Tories Conservatives Democrats Republicans Greens Liberals Socialists Nationalists", StringComparer.Ordinal);

    /// <summary>Last words of bodies that are no business: "the company" never refers to them.</summary>
    public static readonly HashSet<string> NonBusinessHeads = Set(
        "Club Association Council Union Party Society Federation Ministry Department Agency Committee Commission University " +
        "College School Police Church Museum Trust Foundation Charity League Assembly Parliament Court",
        StringComparer.Ordinal);

    /// <summary>After a party's one-word name opening a sentence: "Labour won", not "Labour costs".</summary>
    public static readonly HashSet<string> PartyVerbs = Set("has have had said says won wins lost leads led is are was were will", StringComparer.Ordinal);

    /// <summary>How a share price moves: "Rolls-Royce slipped 1%".</summary>
    public static readonly HashSet<string> MarketVerbs = Set(
        "rose rises fell falls slipped slips gained gains climbed climbs dropped drops jumped jumps slumped slumps tumbled tumbles " +
        "edged edges eased eases soared soars sank sinks plunged plunges surged surges rallied rallies dipped dips advanced retreated",
        StringComparer.Ordinal);

    /// <summary>What only a river does: "the Teme burst its banks", "the Eamont rose", "the Lugg has flooded fields".</summary>
    public static readonly HashSet<string> RiverVerbs = Set(
        "burst rose rises peaked peaks overtopped flooded floods flowed flows swelled", StringComparer.Ordinal);

    /// <summary>First words of storms and other events Herald does not track ("Cyclone Ilaria", "Storm Imogen").</summary>
    public static readonly HashSet<string> EventOpeners = Set("Storm Hurricane Cyclone Typhoon Tropical Operation", StringComparer.Ordinal);

    /// <summary>First words that make a name a place ("Lake Victoria", "Rua Augusta", "Piazza Navona").</summary>
    public static readonly HashSet<string> PlaceOpeners = Set(
        "Lake Mount Cape Gulf Port Rua Rue Calle Avenida Piazza Plaza Praça Mar Lago Isla Isola Loch Glen Ben Mont",
        StringComparer.Ordinal);

    /// <summary>Directions before a place ("East Africa", "Northern Ireland"): one place with the direction.</summary>
    public static readonly HashSet<string> Directions = Set(
        "North South East West Central Northern Southern Eastern Western Upper Lower Greater Inner Outer",
        StringComparer.Ordinal);

    /// <summary>Languages: "in English" names no place.</summary>
    public static readonly HashSet<string> Languages = Set(
        "English Arabic Mandarin Cantonese Chinese Hindi Urdu Bengali Swahili Latin Hebrew Persian Farsi Sanskrit Esperanto " +
        "Creole Gaelic Welsh Scots French German Spanish Italian Portuguese Russian Japanese Korean Turkish Dutch Polish " +
        "Ukrainian Greek Swedish Norwegian Danish Finnish Icelandic Czech Slovak Hungarian Romanian Bulgarian Serbian " +
        "Croatian Albanian Kurdish Pashto Dari Tamil Telugu Punjabi Malay Indonesian Thai Vietnamese Tagalog Amharic " +
        "Somali Hausa Yoruba Igbo Zulu Xhosa Afrikaans Catalan Basque Galician Kazakh Uzbek Georgian Armenian Mongolian",
        StringComparer.Ordinal);

    /// <summary>Words after which an organisation's first word is its short name ("Kronborg" for Kronborg Beverages A/S).</summary>
    public static readonly HashSet<string> CompanyWords = Set(
        "Beverages Brewery Breweries Semiconductor Semiconductors Electronics Airlines Airways Motors Technologies Technology Shipyard Shipyards " +
        "Pharma Pharmaceuticals Foods Logistics Shipping Mining Energy Oil Gas Petroleum Steel Systems Labs Media Telecom " +
        "Industries Properties Capital Partners Ventures Securities Insurance Cruise Software Solutions Resources Metals " +
        "Aggregates Bio",
        StringComparer.Ordinal);

    private static readonly string[] SurnameEndings =
        ("ov ova ev eva enko ski ska sky skaya skiy wicz vich ovich evich ovic ović ević ic ić son sen sson dottir poulos " +
         "opoulos idis akis yan ian ashvili dze uk yuk chuk oglu oğlu escu eanu ez ini etti ucci elli").Split(' ');

    /// <summary>Endings that mark a surname in many languages ("Abenov", "Kovalenko", "Zieliński", "Jensen").</summary>
    public static bool HasSurnameEnding(string word) =>
        word.Length >= 5 && SurnameEndings.Any(ending => word.EndsWith(ending, StringComparison.Ordinal));
}