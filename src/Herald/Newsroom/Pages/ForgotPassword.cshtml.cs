using System.ComponentModel.DataAnnotations;
using Herald.Accounts;
using Herald.Accounts.Mail;
using Herald.Accounts.PasswordReset;
using Herald.Hosting;
using Herald.Hosting.ReverseProxy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Herald.Newsroom.Pages;

/// <summary>
/// "Forgot your password?": one answer whether or not an account has the address, sent as fast
/// either way (the mail leaves after the answer), and a limit on requests per network and per
/// address. Without a mail server the page says who can help instead of pretending to send.
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(
    UserManager<HeraldUser> users, PasswordResets resets, ResetRequestThrottle throttle, MailSender sender, MailOutbox outbox,
    TimeProvider clock, ILogger<ForgotPasswordModel> log) : PageModel
{
    [BindProperty]
    public ForgotForm Form { get; set; } = new();

    public bool CanSend => sender.IsConfigured;

    public string? Problem { get; private set; }

    /// <summary>The address the answer speaks of, once the form was sent.</summary>
    public string? SentTo { get; private set; }

    public string LinkLifetime => Waits.Describe(resets.Lifetime);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanSend)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var email = Form.Email.Trim();
        var network = ClientNetwork.Of(HttpContext.Connection.RemoteIpAddress);
        if (await throttle.CountAsync(network, StaffSignIn.AccountKey(email), ct) is { } wait)
        {
            Response.Headers.RetryAfter = Waits.RetryAfter(wait.RetryAfter);
            Problem = $"Too many reset requests {(wait.Scope == ResetRequestThrottle.ClientScope ? "from your network" : "for this e-mail address")}. Try again in {Waits.Describe(wait.RetryAfter)}.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var user = await users.FindByEmailAsync(email);
        if (user is not null && !AccountStatus.IsDisabled(user, clock.GetUtcNow()))
        {
            var link = await resets.LinkAsync(user, HttpContext.PublicOrigin());
            outbox.Post(await resets.MessageAsync(user, link, ct));
            log.LogInformation("Password-reset link for {User} queued, asked from {Network}", user.Id, network);
        }
        else
        {
            log.LogInformation("Password reset asked for an address with no usable account, from {Network}", network);
        }
        SentTo = email;
        return Page();
    }

    public sealed class ForgotForm
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org.")]
        [StringLength(256, ErrorMessage = "An e-mail address has at most 256 characters.")]
        public string Email { get; set; } = "";
    }
}