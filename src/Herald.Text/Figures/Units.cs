namespace Herald.Text.Figures;

/// <summary>Words and symbols for currencies, scales and percentages.</summary>
internal static class Units
{
    private static readonly Dictionary<string, string> CurrencyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dollar"] = "USD",
        ["dollars"] = "USD",
        ["euro"] = "EUR",
        ["euros"] = "EUR",
        ["pound"] = "GBP",
        ["pounds"] = "GBP",
        ["sterling"] = "GBP",
        ["yuan"] = "CNY",
        ["renminbi"] = "CNY",
        ["ruble"] = "RUB",
        ["rubles"] = "RUB",
        ["rouble"] = "RUB",
        ["roubles"] = "RUB",
        ["rupee"] = "INR",
        ["rupees"] = "INR",
        ["yen"] = "JPY",
        ["franc"] = "CHF",
        ["francs"] = "CHF",
        ["won"] = "KRW",
        ["lira"] = "TRY",
        ["rand"] = "ZAR",
        ["naira"] = "NGN",
        ["dirham"] = "AED",
        ["dirhams"] = "AED",
        ["riyal"] = "SAR",
        ["riyals"] = "SAR",
        ["peso"] = "MXN",
        ["pesos"] = "MXN",
        ["real"] = "BRL",
        ["reais"] = "BRL",
        ["shilling"] = "KES",
        ["shillings"] = "KES",
        ["hryvnia"] = "UAH",
        ["zloty"] = "PLN",
        ["krone"] = "NOK",
        ["kroner"] = "NOK",
        ["krona"] = "SEK",
        ["kronor"] = "SEK",
        ["cedi"] = "GHS",
        ["cedis"] = "GHS",
        ["birr"] = "ETB",
        ["taka"] = "BDT",
        ["baht"] = "THB",
        ["ringgit"] = "MYR",
        ["rupiah"] = "IDR",
        ["dong"] = "VND",
        ["tenge"] = "KZT",
        ["lari"] = "GEL",
        ["forint"] = "HUF",
        ["koruna"] = "CZK",
        ["leu"] = "RON",
        ["lei"] = "RON",
    };

    private static readonly HashSet<string> CurrencyCodes = new(
        "USD EUR GBP CNY RMB RUB INR JPY CHF KRW TRY ZAR NGN AED SAR MXN BRL KES UAH PLN NOK SEK CAD AUD".Split(' '),
        StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["thousand"] = "thousand",
        ["k"] = "thousand",
        ["million"] = "million",
        ["millions"] = "million",
        ["mn"] = "million",
        ["mln"] = "million",
        ["m"] = "million",
        ["billion"] = "billion",
        ["billions"] = "billion",
        ["bn"] = "billion",
        ["b"] = "billion",
        ["trillion"] = "trillion",
        ["tn"] = "trillion",
        ["trn"] = "trillion",
    };

    /// <summary>"Australian dollars", "Hong Kong dollars" and the other dollars that are not US dollars.</summary>
    public static string? DollarOf(string qualifier) => qualifier switch
    {
        "US" or "U.S." or "American" => "USD",
        "Australian" => "AUD",
        "Canadian" => "CAD",
        "Singapore" => "SGD",
        "Kong" => "HKD",
        "Zealand" => "NZD",
        "Taiwan" => "TWD",
        _ => null,
    };

    public static string? CurrencyOfSymbol(char c) => c switch
    {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "CNY",
        '₽' => "RUB",
        '₹' => "INR",
        '₩' => "KRW",
        '₺' => "TRY",
        _ => null,
    };

    public static string? CurrencyOfWord(string word)
    {
        if (CurrencyCodes.Contains(word))
        {
            return word == "RMB" ? "CNY" : word;
        }
        return CurrencyWords.GetValueOrDefault(word);
    }

    /// <summary>Scale for a word; one-letter abbreviations ("m", "b", "k") only count when glued to the number or money.</summary>
    public static string? Scale(string word, bool glued)
    {
        if (word.Length <= 1 && !glued)
        {
            return null;
        }
        return Scales.GetValueOrDefault(word);
    }
}