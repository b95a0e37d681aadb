using Herald.Text.Segmentation;

namespace Herald.Text.Entities;

/// <summary>
/// Finds people, organisations and places. First pass: runs of capitalised words become candidates,
/// each with the evidence around it (gazetteer, titles, given names, company suffixes, "shares in",
/// "in", ...). Second pass: every candidate of one name is typed by all the evidence for that name,
/// so one clear signal anywhere in the article types every mention. Third pass: lone words such as
/// "Putin" or "Fjordlaks" join the fuller name they stand for. Headlines are read last and may not
/// invent people.
/// </summary>
internal sealed partial class EntityRecognizer
{
    private readonly string _text;
    private readonly IReadOnlyList<Token> _tokens;
    private readonly NameBook _names;
    private readonly Gazetteer.Gazetteer _gazetteer;
    private readonly EntityRegistry _registry = new();
    private readonly List<Candidate> _candidates = [];
    private readonly List<SingleWordCandidate> _singles = [];

    // Places accepted so far: a small town named once "in Keswick" is a place when named again.
    private readonly HashSet<string> _acceptedPlaces = new(StringComparer.Ordinal);

    // Scanning a headline: new people are not guessed from its capitals.
    private bool _inHeading;

    // A headline In Title Case: its capitalised everyday words ("Country Has Record Harvest") are no names.
    private bool _titleCaseHeading;

    // First token of the sentence being scanned: capitalisation there says nothing about names.
    private int _sentenceFirst;

    // Each capitalised token's name is asked for many times; build the string once.
    private readonly string?[] _nameCache;

    // Reasons repeat ("'Association' in the name"): one string each per article, not one per mention.
    private readonly Dictionary<(string Template, string Word), string> _reasons = [];

    // Lower-cased words and word facts, asked for again and again while reading context: computed once per token.
    private readonly string?[] _lowerCache;
    private readonly sbyte[] _everydayCache;
    private readonly sbyte[] _givenNameCache;

    private EntityRecognizer(string text, IReadOnlyList<Token> tokens, NameBook names)
    {
        _text = text;
        _tokens = tokens;
        _names = names;
        _gazetteer = names.Gazetteer;
        _nameCache = new string?[tokens.Count];
        _lowerCache = new string?[tokens.Count];
        _everydayCache = new sbyte[tokens.Count];
        _givenNameCache = new sbyte[tokens.Count];
        _sportCopy = IsSportCopy(text, tokens);
    }

    // A match report or transfer round-up: a town's name there is as often its club.
    private readonly bool _sportCopy;

    /// <summary>Three or more different words only sport copy uses ("striker", "goals", "league", "fixture").</summary>
    private static bool IsSportCopy(string text, IReadOnlyList<Token> tokens)
    {
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> words = Lexicon.SportWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Token token in tokens)
        {
            if (!token.IsNumber && char.IsLower(text[token.Start]) && words.TryGetValue(token.Span(text), out string? word) && seen.Add(word) && seen.Count >= 3)
            {
                return true;
            }
        }
        return false;
    }

    public static EntityIndex Recognize(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences,
        IReadOnlyList<Paragraph> paragraphs, NameBook names)
    {
        var recognizer = new EntityRecognizer(text, tokens, names);
        var headings = new List<(int First, int End)>();
        int tokenIndex = 0;
        foreach (Sentence sentence in sentences)
        {
            while (tokenIndex < tokens.Count && tokens[tokenIndex].Start < sentence.Start)
            {
                tokenIndex++;
            }
            int first = tokenIndex;
            while (tokenIndex < tokens.Count && tokens[tokenIndex].End <= sentence.End)
            {
                tokenIndex++;
            }
            if (paragraphs[sentence.ParagraphIndex].IsHeading)
            {
                headings.Add((first, tokenIndex));
            }
            else
            {
                recognizer.ScanSentence(first, tokenIndex);
            }
        }
        // Headlines capitalise freely, so they are read last and may only name people the body names.
        recognizer._inHeading = true;
        foreach ((int first, int end) in headings)
        {
            recognizer._titleCaseHeading = recognizer.IsTitleCase(first, end);
            recognizer.ScanSentence(first, end);
        }
        recognizer.ResolveCandidates();
        recognizer.ResolveSingleWords();
        recognizer._registry.Settle();
        recognizer._registry.Mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new EntityIndex(recognizer._registry.Records, recognizer._registry.Mentions);
    }

    private void ScanSentence(int first, int end)
    {
        _sentenceFirst = first;
        int i = first;
        while (i < end)
        {
            if (!StartsName(_tokens[i]) || IsCodeAfterOrBeforeName(i) || IsRoadNumberAt(i))
            {
                i++;
                continue;
            }
            int last = ExtendRun(i, end);
            ProcessRun(i, last);
            i = last + 1;
        }
    }

    /// <summary>Most longer words capitalised: a headline written In Title Case.</summary>
    private bool IsTitleCase(int first, int end)
    {
        int words = 0;
        int capitalised = 0;
        for (int i = first; i < end; i++)
        {
            if (_tokens[i].IsNumber || _tokens[i].Length < 4)
            {
                continue;
            }
            words++;
            capitalised += char.IsUpper(_text[_tokens[i].Start]) ? 1 : 0;
        }
        return words >= 3 && capitalised * 5 >= words * 4;
    }

    /// <summary>Capitalised, or an Arabic-style particle glued to a capitalised name ("al-Sisi").</summary>
    private bool StartsName(Token token) =>
        !token.IsNumber && (char.IsUpper(_text[token.Start])
            || (token.Length > 3 && _text[token.Start + 2] == '-' && char.IsUpper(_text[token.Start + 3])
                && _text.AsSpan(token.Start, 2) is "al" or "el" or "ad" or "as" or "an" or "az"));

    /// <summary>
    /// A run is capitalised words joined by single spaces, with "of"/"the"/"de" allowed between them,
    /// "&amp;" between company names, and a possessive only where an organisation word follows
    /// ("Norrhavn Fishermen's Association", "Transport Salaried Staffs' Association").
    /// </summary>
    private int ExtendRun(int start, int end)
    {
        int last = start;
        while (last + 1 < end)
        {
            Token current = _tokens[last];
            Token next = _tokens[last + 1];
            Join join = JoinBetween(current, next);
            if (IsPossessive(current) || join == Join.PluralPossessive)
            {
                if (!(join is Join.Space or Join.PluralPossessive) || !StartsName(next) || !OrganizationWordAhead(last + 1, end))
                {
                    break;
                }
                last++;
                continue;
            }
            if (join == Join.None && last + 2 < end && IsNicknameAt(last + 1))
            {
                // Sam "Tommo" Thompson: a nickname in quotation marks between given name and surname.
                last += 2;
                continue;
            }
            if (join is Join.None or Join.PluralPossessive)
            {
                break;
            }
            if (IsCodeAfterOrBeforeName(last + 1) || IsRoadNumberAt(last + 1))
            {
                break;
            }
            if (StartsName(next))
            {
                last++;
            }
            else if (join == Join.Space && next.Span(_text) is "plc")
            {
                // "Grainger & Holt plc": the legal form written in lower case still ends the company's name.
                last++;
                break;
            }
            else if (join == Join.Space && Lexicon.LegalForms.Contains(NameAt(last)) && IsConnector(next.Span(_text)))
            {
                // "Northlight Capital BV of Amsterdam": a legal form closes the name; what follows says where it sits.
                break;
            }
            else if (join == Join.Space && IsConnector(next.Span(_text)) && last + 2 < end && JoinBetween(next, _tokens[last + 2]) == Join.Space
                && !IsCodeAfterOrBeforeName(last + 2))
            {
                if (StartsName(_tokens[last + 2]))
                {
                    last += 2;
                }
                else if (next.Span(_text) is "of" && _tokens[last + 2].Span(_text) is "the" && last + 3 < end
                    && JoinBetween(_tokens[last + 2], _tokens[last + 3]) == Join.Space && StartsName(_tokens[last + 3]))
                {
                    // "Central Bank of the Republic of Turkey"
                    last += 3;
                }
                else
                {
                    break;
                }
            }
            else
            {
                break;
            }
        }
        return last;
    }

    /// <summary>"KC" in "Miriam Osei KC", "NOK" in "for NOK 640m": letters that sit beside a name and are none.</summary>
    private bool IsCodeAfterOrBeforeName(int index)
    {
        string word = NameAt(index);
        return Lexicon.PostNominals.Contains(word) || Lexicon.CurrencyCodes.Contains(word);
    }

    /// <summary>
    /// "M62", "A66", "B1234": a road named by its number is no name, and no part of the name beside it
    /// ("the M6 near Penrith").
    /// </summary>
    private bool IsRoadNumberAt(int index)
    {
        if (index >= _tokens.Count)
        {
            return false;
        }
        ReadOnlySpan<char> word = _tokens[index].Span(_text);
        if (word.Length is < 2 or > 5 || word[0] is not ('A' or 'B' or 'M' or 'N' or 'E'))
        {
            return false;
        }
        foreach (char c in word[1..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A capitalised word in double quotation marks between a given name and a capitalised word.</summary>
    private bool IsNicknameAt(int index)
    {
        if (index < 1 || index + 1 >= _tokens.Count || !StartsName(_tokens[index]) || !StartsName(_tokens[index + 1]) || GivenNameAt(index - 1) == 0)
        {
            return false;
        }
        ReadOnlySpan<char> before = _text.AsSpan(_tokens[index - 1].End, _tokens[index].Start - _tokens[index - 1].End);
        ReadOnlySpan<char> after = _text.AsSpan(_tokens[index].End, _tokens[index + 1].Start - _tokens[index].End);
        return before is " \"" or " “" && after is "\" " or "” ";
    }

    /// <summary>The name without a nickname in quotation marks: Sam "Tommo" Thompson is Sam Thompson.</summary>
    private static string WithoutNickname(ReadOnlySpan<char> name)
    {
        int open = name.IndexOfAny('"', '“');
        if (open < 1)
        {
            return name.ToString();
        }
        int close = name[(open + 1)..].IndexOfAny('"', '”');
        return close < 0 ? name.ToString() : string.Concat(name[..(open - 1)], name[(open + close + 2)..]);
    }

    private bool OrganizationWordAhead(int from, int end)
    {
        for (int i = from; i < end && i <= from + 1; i++)
        {
            if (Lexicon.OrganizationWords.Contains(NameAt(i)))
            {
                return true;
            }
        }
        return false;
    }

    private enum Join { None, Space, Initial, Ampersand, Slash, PluralPossessive }

    /// <summary>What separates two tokens, as far as names are concerned.</summary>
    private Join JoinBetween(Token left, Token right)
    {
        int gap = right.Start - left.End;
        ReadOnlySpan<char> between = _text.AsSpan(left.End, gap);
        if (between is " ")
        {
            return Join.Space;
        }
        if (between is " & ")
        {
            return Join.Ampersand;
        }
        if (between is "/" && left.Length == 1 && right.Length == 1)
        {
            return Join.Slash;
        }
        if (between is "' " or "’ " && _text[left.End - 1] == 's')
        {
            return Join.PluralPossessive;
        }
        if (between is not ". ")
        {
            return Join.None;
        }
        ReadOnlySpan<char> word = left.Span(_text);
        bool initial = (word.Length == 1 && char.IsUpper(word[0]))
            || word is "Mr" or "Mrs" or "Ms" or "Dr" or "Prof" or "Gen" or "Sen" or "Gov" or "Rep" or "Lt" or "Col" or "Capt" or "Sgt" or "St";
        return initial ? Join.Initial : Join.None;
    }

    private static bool IsConnector(ReadOnlySpan<char> word) =>
        word is "of" or "the" or "for" or "de" or "du" or "la" or "van" or "von" or "der" or "bin" or "al" or "del" or "da" or "do" or "dos" or "and" or "upon"
            or "und" or "et";

    private bool IsPossessive(Token token)
    {
        int length = token.Length;
        return length > 2 && _text[token.End - 1] == 's' && _text[token.End - 2] is '\'' or '’';
    }

    /// <summary>The word as a name: possessive "'s" dropped.</summary>
    private string NameOf(Token token) =>
        IsPossessive(token) ? _text.Substring(token.Start, token.Length - 2) : token.Value(_text);

    private string NameAt(int index) => _nameCache[index] ??= NameOf(_tokens[index]);

    /// <summary>The words as written, so initials keep their full stops ("John F. Kennedy"); a final possessive is dropped.</summary>
    private string NameOf(int first, int last) => first == last ? NameAt(first) : WithoutNickname(NameSpan(first, last));

    private ReadOnlySpan<char> NameSpan(int first, int last)
    {
        Token end = _tokens[last];
        int stop = IsPossessive(end) ? end.End - 2 : end.End;
        return _text.AsSpan(_tokens[first].Start, stop - _tokens[first].Start);
    }

    /// <summary>Role words count as titles; "Foreign" or "Prime" only when a role follows ("Foreign Minister").</summary>
    private bool IsTitleAt(int k, int last)
    {
        ReadOnlySpan<char> word = _tokens[k].Span(_text);
        if (k < last && Lexicon.OrganizationWords.Contains(NameAt(k + 1)) && !Titles.IsRole(_tokens[k + 1].Span(_text)))
        {
            // "Premier League", "General Motors": a role word that opens an organisation's name is no title.
            return false;
        }
        if (Titles.IsHead(word))
        {
            return true;
        }
        return Titles.IsRoleModifier(word) && k < last && Titles.IsRole(_tokens[k + 1].Span(_text));
    }

    /// <summary>"South African", "New Zealand" and other two-word demonyms.</summary>
    private int TwoWordDemonym(int k, int last, out string country)
    {
        country = "";
        return k < last && _gazetteer.TryGetCountryOfDemonym(NameOf(k, k + 1), out country) ? 2 : 0;
    }

    /// <summary>The template with {0} replaced by the word, built once per article.</summary>
    private string Reason(string template, string word)
    {
        if (!_reasons.TryGetValue((template, word), out string? reason))
        {
            reason = template.Replace("{0}", word, StringComparison.Ordinal);
            if (_reasons.Count < 4096)
            {
                _reasons[(template, word)] = reason;
            }
        }
        return reason;
    }

    private void AddMention(int first, int last, EntityRecord record)
    {
        Token start = _tokens[first];
        Token end = _tokens[last];
        int mentionEnd = IsPossessive(end) ? end.End - 2 : end.End;
        _registry.AddMention(start.Start, mentionEnd, record, NameOf(first, last));
    }
}