using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Herald.Accounts;
using Herald.Accounts.ApplicationPasswords;
using Herald.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Herald.Tests.WordPress.RestApi;

/// <summary>What the write tests of the WordPress API share: an application password, a client that sends it, WordPress's error shape.</summary>
public static class WpWriting
{
    /// <summary>An account with the role (once per e-mail) and a new application password for it.</summary>
    public static async Task<string> PasswordForAsync(HeraldTestServer server, string email, string role)
    {
        await NewsroomSession.CreateUserAsync(server, email, role, "correct horse battery");
        await using var scope = server.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<HeraldUser>>().FindByEmailAsync(email);
        var (made, problem) = await scope.ServiceProvider.GetRequiredService<ApplicationPasswords>().CreateAsync(user!, "Tests", CancellationToken.None);
        Assert.True(made is not null, problem);
        return made.Password;
    }

    public static HttpClient Api(HeraldTestServer server, string user, string password)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>Asserts WordPress's error object (code, message, data.status) with the status and code.</summary>
    public static async Task<JsonObject> AssertErrorAsync(HttpResponseMessage response, int status, string code)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode} {raw}");
        var error = JsonNode.Parse(raw)!.AsObject();
        Assert.Equal(["code", "message", "data"], error.Select(p => p.Key));
        Assert.Equal(code, (string?)error["code"]);
        Assert.Equal(status, (int)error["data"]!["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        return error;
    }
}