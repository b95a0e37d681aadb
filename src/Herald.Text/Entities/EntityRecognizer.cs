using Herald.Text.Gazetteer;
using Herald.Text.Segmentation;

namespace Herald.Text.Entities;

/// <summary>
/// Finds people, organisations and places from runs of capitalised words, titles, the gazetteer and
/// the caller's known names. First pass: multi-word names; second pass: single words such as
/// "Putin" that refer back to a fuller name or are followed by a speech verb.
/// </summary>
internal sealed partial class EntityRecognizer
{
    private readonly string _text;
    private readonly IReadOnlyList<Token> _tokens;
    private readonly NameBook _names;
    private readonly EntityRegistry _registry = new();
    private readonly List<SingleWordCandidate> _singles = [];

    // Scanning a headline: new people are not guessed from its capitals.
    private bool _inHeading;

    // First token of the sentence being scanned: capitalisation there says nothing about names.
    private int _sentenceFirst;

    // Each capitalised token's name is asked for many times; build the string once.
    private readonly string?[] _nameCache;

    private EntityRecognizer(string text, IReadOnlyList<Token> tokens, NameBook names)
    {
        _text = text;
        _tokens = tokens;
        _names = names;
        _nameCache = new string?[tokens.Count];
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
            recognizer.ScanSentence(first, end);
        }
        recognizer.ResolveSingleWords();
        recognizer._registry.Mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new EntityIndex(recognizer._registry.Records, recognizer._registry.Mentions);
    }

    private void ScanSentence(int first, int end)
    {
        _sentenceFirst = first;
        int i = first;
        while (i < end)
        {
            if (!StartsName(_tokens[i]))
            {
                i++;
                continue;
            }
            int last = ExtendRun(i, end);
            ProcessRun(i, last);
            i = last + 1;
        }
    }

    /// <summary>Capitalised, or an Arabic-style particle glued to a capitalised name ("al-Sisi").</summary>
    private bool StartsName(Token token) =>
        !token.IsNumber && (char.IsUpper(_text[token.Start])
            || (token.Length > 3 && _text[token.Start + 2] == '-' && char.IsUpper(_text[token.Start + 3])
                && _text.AsSpan(token.Start, 2) is "al" or "el" or "ad" or "as" or "an" or "az"));

    /// <summary>A run is capitalised words separated by single spaces, with "of"/"the"/"de" allowed between them.</summary>
    private int ExtendRun(int start, int end)
    {
        int last = start;
        while (last + 1 < end && !IsPossessive(_tokens[last]) && SpaceBetween(_tokens[last], _tokens[last + 1]))
        {
            Token next = _tokens[last + 1];
            if (StartsName(next))
            {
                last++;
            }
            else if (IsConnector(next.Span(_text)) && last + 2 < end && SpaceBetween(next, _tokens[last + 2]) && StartsName(_tokens[last + 2]))
            {
                last += 2;
            }
            else
            {
                break;
            }
        }
        return last;
    }

    private static bool IsConnector(ReadOnlySpan<char> word) =>
        word is "of" or "the" or "for" or "de" or "du" or "la" or "van" or "von" or "der" or "bin" or "al" or "del" or "da" or "dos" or "and";

    /// <summary>One space; or ". " after an initial or a short title ("John F. Kennedy", "Dr. Amara Obi").</summary>
    private bool SpaceBetween(Token left, Token right)
    {
        int gap = right.Start - left.End;
        if (gap == 1)
        {
            return _text[left.End] == ' ';
        }
        if (gap != 2 || _text[left.End] != '.' || _text[left.End + 1] != ' ')
        {
            return false;
        }
        ReadOnlySpan<char> word = left.Span(_text);
        return (word.Length == 1 && char.IsUpper(word[0])) || word is "Mr" or "Mrs" or "Ms" or "Dr" or "Prof" or "Gen" or "Sen" or "Gov" or "Rep" or "Lt" or "Col" or "Capt" or "Sgt";
    }

    private bool IsPossessive(Token token)
    {
        int length = token.Length;
        return length > 2 && _text[token.End - 1] == 's' && _text[token.End - 2] is '\'' or '’';
    }

    /// <summary>The word as a name: possessive "'s" dropped.</summary>
    private string NameOf(Token token) =>
        IsPossessive(token) ? _text.Substring(token.Start, token.Length - 2) : token.Value(_text);

    private string NameAt(int index) => _nameCache[index] ??= NameOf(_tokens[index]);

    /// <summary>The words as written, so initials keep their full stops ("John F. Kennedy"); runs only hold single spaces.</summary>
    private string NameOf(int first, int last)
    {
        if (first == last)
        {
            return NameAt(first);
        }
        Token end = _tokens[last];
        int stop = IsPossessive(end) ? end.End - 2 : end.End;
        return _text.Substring(_tokens[first].Start, stop - _tokens[first].Start);
    }

    private void ProcessRun(int first, int last)
    {
        var titles = new List<string>();
        string? nationality = null;
        int chunkStart = -1;
        int k = first;
        while (k <= last)
        {
            if (TryLongestName(k, last, out int matchedLast, out GazetteerEntry? entry, out EntityRecord? defined))
            {
                FlushChunk(ref chunkStart, k - 1, titles, nationality);
                EntityRecord record = defined ?? _registry.Named(entry!.CanonicalName, entry.Type);
                AddMention(k, matchedLast, record);
                titles.Clear();
                k = matchedLast + 1;
                continue;
            }
            ReadOnlySpan<char> word = _tokens[k].Span(_text);
            string name = NameAt(k);
            bool demonym = _names.Gazetteer.TryGetCountryOfDemonym(name, out string country);
            int demonymWords = demonym ? 1 : TwoWordDemonym(k, last, out country);
            if (demonymWords > 0 || IsTitleAt(k, last))
            {
                // "Ivan Sokolov and Kazakh President Nurlan Abenov": a demonym or title starts a new name.
                FlushChunk(ref chunkStart, k - 1, titles, nationality);
                if (demonymWords > 0)
                {
                    titles.Clear();
                    nationality = country;
                    k += demonymWords;
                    continue;
                }
                titles.Add(word.ToString().ToLowerInvariant());
                k++;
                continue;
            }
            if (chunkStart < 0)
            {
                if (!IsConnector(word) && !Lexicon.NotNames.Contains(name))
                {
                    chunkStart = k;
                }
            }
            else if (Lexicon.NotNames.Contains(name) && !IsConnector(word))
            {
                FlushChunk(ref chunkStart, k - 1, titles, nationality);
                titles.Clear();
            }
            k++;
        }
        FlushChunk(ref chunkStart, last, titles, nationality);
    }

    /// <summary>"South African", "New Zealand" and other two-word demonyms.</summary>
    private int TwoWordDemonym(int k, int last, out string country)
    {
        country = "";
        return k < last && _names.Gazetteer.TryGetCountryOfDemonym(NameOf(k, k + 1), out country) ? 2 : 0;
    }

    /// <summary>Role words count as titles; "Foreign" or "Prime" only when a role follows ("Foreign Minister").</summary>
    private bool IsTitleAt(int k, int last)
    {
        ReadOnlySpan<char> word = _tokens[k].Span(_text);
        if (Titles.IsHead(word))
        {
            return true;
        }
        return Titles.IsRoleModifier(word) && k < last && Titles.IsRole(_tokens[k + 1].Span(_text));
    }

    private void AddMention(int first, int last, EntityRecord record)
    {
        Token start = _tokens[first];
        Token end = _tokens[last];
        int mentionEnd = IsPossessive(end) ? end.End - 2 : end.End;
        _registry.AddMention(start.Start, mentionEnd, record, NameOf(first, last));
        DefineAcronymAfter(last, record);
    }
}