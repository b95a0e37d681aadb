namespace Herald.Hosting.Configuration;

/// <summary>
/// One setting of Herald: the flag that sets it, the environment variable that sets it when the
/// flag is absent, and what it is without either. docs/operations.md lists every one of these.
/// </summary>
public sealed record Setting(string Flag, string Variable, string Default, string Meaning, bool IsSwitch = false)
{
    /// <summary>How an error names the setting: both ways of giving it.</summary>
    public string Name => $"--{Flag} ({Variable})";

    /// <summary>The flag's value, else the environment variable's, else null. A switch reads "true" when given.</summary>
    public string? Read(CommandLineArguments args, Func<string, string?> environment)
    {
        if (args.Has(Flag))
        {
            return IsSwitch ? "true" : args.Get(Flag);
        }
        return environment(Variable) is { Length: > 0 } value ? value : null;
    }

    public bool ReadSwitch(CommandLineArguments args, Func<string, string?> environment) =>
        Read(args, environment) switch
        {
            null => false,
            var v when v is "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("yes", StringComparison.OrdinalIgnoreCase) => true,
            var v when v is "0" || v.Equals("false", StringComparison.OrdinalIgnoreCase) || v.Equals("no", StringComparison.OrdinalIgnoreCase) => false,
            var v => throw new SettingException(this, $"\"{v}\" is neither true nor false."),
        };
}

/// <summary>A setting the operator must fix; printed as one line that names it, never as a stack trace.</summary>
public sealed class SettingException(Setting setting, string problem) : Exception($"{setting.Name}: {problem}")
{
    public Setting Setting { get; } = setting;
}