namespace Herald.Text.Entities;

/// <summary>Closed word lists that tell names apart from ordinary capitalised words.</summary>
internal static partial class Lexicon
{
    private static HashSet<string> Set(string words, StringComparer comparer) =>
        new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), comparer);

    /// <summary>Capitalised at a sentence start or in headlines, but never a name by themselves.</summary>
    public static readonly HashSet<string> NotNames = Set(
        "The A An This That These Those It Its He She We They I You His Her Our Their My Your Me Us Them " +
        "In On At By For From With Without After Before During Since Until Till When While Where Why How " +
        "What Who Whom Whose Which If But And Or Nor So Yet As Also Then There Here However Meanwhile Still " +
        "Although Though Despite According Asked Last Next Earlier Later Today Yesterday Tomorrow Tonight Now " +
        "Some Many Most All Both Each Every No Not Only Even More Less Other Another Such Instead Indeed Overall " +
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July " +
        "August September October November December Thousands Hundreds Millions Dozens Officials Analysts " +
        "Experts Critics Residents Shares Revenue Sources Police Troops Fans Voters Workers Leaders People " +
        "Do Does Did Is Are Was Were Be Been Will Would Can Could Should Must May Might Shall Let Please Yes " +
        "Thank Thanks Good Well Oh OK Okay Once Twice First Second Third Finally Again Just Never Always Mr Mrs Ms " +
        "Dr Prof Sir Madam Today's Unlike Like Under Over Above Below Between Among Against About Into Through " +
        "Across Along Around Behind Beyond Near Off Out Up Down To Of Every One Two Three Four Five Six Seven " +
        "Eight Nine Ten Our Any Whether Because Unless Whereas Otherwise Moreover Furthermore Nevertheless " +
        "Speaking Addressing Asked Answering Responding Commenting Following Given Including Including Based",
        StringComparer.Ordinal);

    /// <summary>Function words; capitalised in the middle of a sentence they betray Title Case.</summary>
    public static readonly HashSet<string> FunctionWords = Set(
        "On Of The And For In To With At By From A An Is Are Was Were Will Be Its Their Our Into Over Under About",
        StringComparer.Ordinal);

    /// <summary>Ordinary English words; three capitalised in a row mid-sentence read as a Title Case slip.</summary>
    public static readonly HashSet<string> OrdinaryWords = Set(
        "agreement memorandum technical cooperation development economic economy trade plan strategy program " +
        "programme policy meeting talks summit conference session report statement results growth project " +
        "strategic partnership comprehensive mutual joint new great important historic significant friendly " +
        "relations bilateral multilateral security peace stability prosperity future common shared global " +
        "international national regional local public private social cultural political military financial " +
        "investment investments energy infrastructure industry industrial field fields area areas sphere " +
        "spheres understanding framework declaration initiative initiatives measures issues questions matters " +
        "support help work works working people nations countries states parties sides level levels high higher " +
        "sustainable green digital modern key main major strong stronger deep deeper further broad wide " +
        "action actions steps step way ways road path era year years day days time first second next last " +
        "world whole all every each many more most good better best great greater greatest open clear real " +
        "true full complete special general various other several different same certain particular " +
        "protection protecting building strengthening deepening expanding promoting ensuring developing " +
        "improving advancing enhancing supporting implementing growing",
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that make an unknown capitalised name an organisation.</summary>
    public static readonly HashSet<string> OrganizationWords = Set(
        "Ministry Department Council Committee Commission Organization Organisation Union Party Company " +
        "Corporation Corp Inc Ltd LLC PLC AG GmbH SA Group Holdings Association Agency Institute University College " +
        "School Academy Fund Foundation Federation Club FC United Rovers Athletic Wanderers Rangers Forum Court " +
        "Parliament Assembly Office Bureau Authority Service Services Airlines Airways Air Motors Bank Times " +
        "News Post Herald Tribune Journal Gazette Daily Energy Power Oil Gas Petroleum Steel Technologies " +
        "Technology Systems Labs Pharma Pharmaceuticals Media Telecom Network Press Army Navy Force Forces " +
        "Police Guard Church Museum Hospital Orchestra Team Alliance Coalition Front Movement Society Trust " +
        "Capital Partners Exchange Ventures Industries Electric Foods Logistics Railways Rail Shipping Mining " +
        "Insurance Securities City Board Congress Cabinet Government Administration Secretariat Directorate " +
        "Chamber Institution Centre Center Council Studio Studios Records Publishing Broadcasting Radio TV " +
        "Television Review Magazine Observer Courier Express Chronicle Standard Monitor Telegraph Municipality " +
        "Archive Archives Library Museum Gallery Theatre Opera Beverages Brewery Breweries Semiconductor Electronics " +
        "Properties Highways Sport Sports Institute Federation Confederation Syndicate Cooperative Co-operative " +
        "Programme Program Tribunal Prosecutor Commissioner Ombudsman Secretariat Service Police Democrats Republicans " +
        "Socialists Liberals Conservatives Nationalists Cycling Racing Klub Aggregates Rescue Semiconductors Automotive " +
        "Aerospace Chemicals Robotics League Shipyard Shipyards Celtic Albion Hotspur Argyle Conservancy Metro " +
        // Operators named for what they run, church and state bodies, and the same heads in other languages.
        "Ferries Line Lines Trains Buses Coaches Desk Diocese Archdiocese Treasury Commons Lords Senate " +
        "Museo Musée Museu Muzeum Banco Banca Banque Universidad Universidade Università Université Universität Universiteit " +
        "Hochschule Stiftung Fundación Fondazione Instituto Istituto Institut Verband Verein Gewerkschaft Kurier Zeitung " +
        "Gesellschaft Compagnie Società",
        StringComparer.Ordinal);

    /// <summary>Last words of events and prizes, which are none of person, organisation or place.</summary>
    public static readonly HashSet<string> EventWords = Set(
        "Slam Cup Championship Championships Open Games Olympics Prize Award Awards Trophy Festival Summit " +
        "Week Day Conference Expo Fair Marathon Tour Series Derby Classic Grand Prix War Revolution Act Treaty Accord",
        StringComparer.Ordinal);

    /// <summary>First or last words that make an unknown capitalised name a place.</summary>
    public static readonly HashSet<string> PlaceWords = Set(
        "River Lake Sea Ocean Island Islands Mountains Mountain Mount Valley Province Region Street Square " +
        "Bay Desert Peninsula Strait Canal District County Coast Gulf Cape Hills Plain Plateau Forest Park " +
        "Avenue Road Bridge Port Harbour Harbor Airport Stadium Arena Village Town Quay Dock Docks Pier Tower " +
        "Fjord Falls Beach Canyon Reservoir Heights Gardens Lane Estuary Glacier Islands Archipelago Pass Moor Alps Isle",
        StringComparer.Ordinal);

    /// <summary>Letters after a name for an office or honour ("Miriam Osei KC", "appointed OBE"): no part of the name, no name.</summary>
    public static readonly HashSet<string> PostNominals = Set("KC QC OBE MBE CBE KBE DBE MEP MSP FRS", StringComparer.Ordinal);

    /// <summary>Currency codes before an amount ("NOK 640m"): no names, and no part of the name before them.</summary>
    public static readonly HashSet<string> CurrencyCodes = Set(
        "USD EUR GBP CNY RUB INR JPY CHF NOK SEK DKK ISK PLN CZK HUF RON BGN AUD CAD NZD HKD SGD ZAR BRL MXN KRW TWD THB " +
        "IDR MYR PHP AED SAR ILS EGP NGN KES UAH KZT",
        StringComparer.Ordinal);

    /// <summary>Upper-case words that are not organisations.</summary>
    public static readonly HashSet<string> NotAcronyms = Set(
        "CEO CFO COO CTO GDP AI TV PM AM PC IT OK ID VAT GMT UTC COVID HIV AIDS LNG LGBT NGO NGOs MP MPs " +
        "USD EUR GBP CNY RUB INR JPY CHF IPO ESG EV EVs CO2 VIP FAQ PhD PDF URL AD BC BCE CE QR ATM SUV DNA RNA GP GPs " +
        "I II III IV V VI VII VIII IX X XI XII",
        StringComparer.Ordinal);

    public static bool IsOrdinaryTitleCased(string word) => OrdinaryWords.Contains(word) || FunctionWords.Contains(word);
}