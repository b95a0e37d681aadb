using Herald.Hosting.Configuration;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Hosting;

/// <summary>docs/operations.md keeps up with the code: every setting listed, the proxy files quoted as they are.</summary>
public sealed class OperationsDocumentTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "operations.md"));

    public static TheoryData<string, string> Settings
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var setting in ServeSettings.All)
            {
                data.Add(setting.Flag, setting.Variable);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void Every_setting_is_in_the_configuration_table(string flag, string variable)
    {
        Assert.Contains($"| `--{flag}` | `{variable}` |", Document);
    }

    [Fact]
    public void Every_comment_setting_is_listed()
    {
        Assert.All(typeof(Herald.Comments.CommentOptions).GetProperties(), p => Assert.Contains($"| `{p.Name}` |", Document));
    }

    [Theory]
    [InlineData("deploy/nginx/herald.conf")]
    [InlineData("deploy/caddy/Caddyfile")]
    public void The_proxy_configuration_is_quoted_as_the_file_is(string file)
    {
        Assert.Contains(File.ReadAllText(Path.Combine(RepositoryPaths.Root, file)), Document);
    }
}