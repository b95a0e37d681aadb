using Herald.Text.Segmentation;

namespace Herald.Text.Entities;

/// <summary>Tickers, market moves, business verbs, employers and kinds of organisation around a name.</summary>
internal sealed partial class EntityRecognizer
{
    /// <summary>"(LSE: BWH)", "(NASDAQ: QNTR)" right after the name: an exchange and a ticker in brackets.</summary>
    private bool TickerAfter(int last)
    {
        int exchange = last + 1;
        return exchange + 1 < _tokens.Count && _text.AsSpan(_tokens[last].End, _tokens[exchange].Start - _tokens[last].End) is " ("
            && IsTickerAt(exchange);
    }

    /// <summary>
    /// Whether the token is the exchange or the code of a ticker in brackets, "(LSE: BWH)": codes, not names.
    /// </summary>
    private bool IsTickerAt(int index)
    {
        if (index < 1 || index >= _tokens.Count || !_tokens[index].IsAllCaps(_text))
        {
            return false;
        }
        Token token = _tokens[index];
        bool opens = _text[token.Start - 1] == '(';
        if (opens)
        {
            // The exchange: "(LSE:" and then the code.
            return token.End < _text.Length && _text[token.End] == ':' && index + 1 < _tokens.Count && _tokens[index + 1].IsAllCaps(_text)
                && _tokens[index + 1].Start - token.End <= 2;
        }
        Token exchange = _tokens[index - 1];
        ReadOnlySpan<char> between = _text.AsSpan(exchange.End, token.Start - exchange.End);
        return between is ": " or ":" && exchange.IsAllCaps(_text) && _text[exchange.Start - 1] == '('
            && token.End < _text.Length && _text[token.End] is ')' or '.';
    }

    /// <summary>"slipped 1%", "rose 3 per cent": how a share price moves, right after the name.</summary>
    private string? MarketMoveAfter(int last)
    {
        int verb = last + 1;
        if (!SpaceBetween(last, verb) || !Lexicon.MarketVerbs.Contains(LowerAt(verb)))
        {
            return null;
        }
        int number = verb + 1;
        if (number < _tokens.Count && !_tokens[number].IsNumber && SpaceBetween(verb, number) && LowerAt(number) is "by" or "nearly" or "almost" or "about" or "more")
        {
            number++;
        }
        if (number >= _tokens.Count || !_tokens[number].IsNumber || _tokens[number].Start - _tokens[verb].End > 2)
        {
            return null;
        }
        Token figure = _tokens[number];
        int end = figure.End;
        while (end < _text.Length && end < figure.End + 4 && (char.IsDigit(_text[end]) || _text[end] is '.'))
        {
            end++;
        }
        bool percent = end < _text.Length && (_text[end] == '%'
            || _text.AsSpan(end).StartsWith(" per cent", StringComparison.Ordinal) || _text.AsSpan(end).StartsWith(" percent", StringComparison.Ordinal));
        return percent ? LowerAt(verb) : null;
    }

    /// <summary>
    /// "Mossgate, which runs co-working spaces", "Fernbrook, which makes software": what a business does.
    /// Not "the Wharfe, which runs through Ilkley": a verb of motion before a preposition is a river's.
    /// </summary>
    private bool BusinessVerbAfterWhich(int verb)
    {
        if (verb + 1 >= _tokens.Count || !SpaceBetween(verb - 1, verb) || !Lexicon.BusinessVerbs.Contains(LowerAt(verb)))
        {
            return false;
        }
        string next = LowerAt(verb + 1);
        return !(LowerAt(verb) is "runs" or "ran" && (Lexicon.PlacePrepositions.Contains(next) || next is "from" or "to" or "along" or "past" or "down" or "up" or "for" or "out"));
    }

    /// <summary>"Aston Villa manager Unai Barrena", "Cal Fire battalion chief Roberto Mendez": the name is the employer.</summary>
    private Evidence? EmployerRoleAfter(int last)
    {
        for (int i = last + 1; i < _tokens.Count && i <= last + 3; i++)
        {
            if (PlainWordBefore(i) is null || _tokens[i].IsNumber)
            {
                return null;
            }
            if (char.IsUpper(_text[_tokens[i].Start]))
            {
                return null;
            }
            string word = LowerAt(i);
            bool nameFollows = i + 1 < _tokens.Count && PlainWordBefore(i + 1) is not null && StartsName(_tokens[i + 1]);
            if (Lexicon.EmployeeRoles.Contains(word) && nameFollows)
            {
                return new Evidence(EntityType.Organization, Weights.Employer, $"its {word} is named after it");
            }
            if (Lexicon.PlaceRoles.Contains(word) && nameFollows)
            {
                return new Evidence(EntityType.Place, Weights.PlaceContext, $"its {word} is named after it");
            }
        }
        return null;
    }

    /// <summary>"Hartley Home brands", "the Fennick and Hartley Home brands": a kind of business right after the name or after a list ending in it.</summary>
    private string? OrganizationKindAfter(int last)
    {
        int next = last + 1;
        if (next >= _tokens.Count || PlainWordBefore(next) is null)
        {
            return null;
        }
        if (Lexicon.OrganizationKinds.Contains(LowerAt(next)) && char.IsLower(_text[_tokens[next].Start]))
        {
            return LowerAt(next);
        }
        if (_tokens[next].Span(_text) is not ("and" or "or"))
        {
            return null;
        }
        for (int k = next + 1; k < _tokens.Count && k <= next + 4; k++)
        {
            if (PlainWordBefore(k) is null)
            {
                return null;
            }
            if (!StartsName(_tokens[k]))
            {
                return k > next + 1 && Lexicon.OrganizationKinds.Contains(LowerAt(k)) ? LowerAt(k) : null;
            }
        }
        return null;
    }

    /// <summary>"the railway operator Kazakhstan Temir Zholy", "lessor AerCap": a word for a kind of organisation right before.</summary>
    private string? OrganizationDescriptorBefore(int first)
    {
        string? before = PlainWordBefore(first);
        return before is not null && Lexicon.OrganizationDescriptors.Contains(before) ? before : null;
    }
}