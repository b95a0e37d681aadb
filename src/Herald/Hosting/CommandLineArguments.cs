namespace Herald.Hosting;

/// <summary>
/// The verbs and options of the herald command: positional words first, then --name value
/// pairs or --flag switches. Small on purpose; the stable command line (README) is short.
/// </summary>
public sealed class CommandLineArguments
{
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);

    public List<string> Words { get; } = [];

    public static CommandLineArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> switches)
    {
        var parsed = new CommandLineArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Words.Add(arg);
                continue;
            }
            var name = arg[2..];
            var equals = name.IndexOf('=');
            if (equals >= 0)
            {
                parsed.options[name[..equals]] = name[(equals + 1)..];
            }
            else if (switches.Contains(name))
            {
                parsed.options[name] = null;
            }
            else if (i + 1 < args.Count)
            {
                parsed.options[name] = args[++i];
            }
            else
            {
                throw new CommandLineException($"--{name} needs a value.");
            }
        }
        return parsed;
    }

    public bool Has(string name) => options.ContainsKey(name);

    public string? Get(string name) => options.GetValueOrDefault(name);

    /// <summary>Refuses options the verb does not know, so a typo is not silently ignored.</summary>
    public void AllowOnly(params string[] known)
    {
        var unknown = options.Keys.Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new CommandLineException($"Unknown option --{unknown[0]}.");
        }
    }
}

public sealed class CommandLineException(string message) : Exception(message);