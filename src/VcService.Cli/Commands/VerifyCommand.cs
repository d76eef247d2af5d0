using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.Credentials.DataIntegrity;
using VcService.Credentials.Verification;
using VcService.Credentials.Verification.Checks;
using VcService.LinkedData.JsonLd;
using VcService.MicroCredentials.Verification;

namespace VcService.Cli.Commands;

/// <summary>
/// <c>vcservice verify FILE</c>: prints the verification report (JSON) of a credential — a compact
/// JWT-VC, a vc+jwt (VC-JOSE-COSE) or a JSON-LD credential with Data Integrity proofs. DIDs are resolved offline (did:key,
/// did:jwk). Exit code 0 verified, 1 not verified, 2 unreadable or malformed input.
/// </summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A credential: compact JWT or JSON-LD with an embedded proof" };
        var now = new Option<string?>("--now") { Description = "Verify as of this date-time (ISO 8601; default: the clock)" };
        var repeat = RdfCommands.RepeatOption();
        var command = new Command("verify", "Verify a credential (JWT-VC, vc+jwt or Data Integrity) and print the verification report")
        {
            file, now, repeat,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            JsonNode input;
            TimeProvider clock;
            try
            {
                input = ReadCredential(parse.GetValue(file)!);
                clock = Clock(parse.GetValue(now));
            }
            catch (CliInputException e)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.VerifyInputError;
            }
            var verifier = new CredentialVerifier(
                [new FormatCheck(), new SignatureCheck(VerificationMethodKeys.Offline()), new ValidityCheck(), new AnnexICheck()], clock);
            // --repeat: the whole report (format, signature, validity, Annex I), in process, as a verifier would.
            var report = Repeat.Run(() => verifier.VerifyAsync(input, cancellationToken).GetAwaiter().GetResult(), parse.GetValue(repeat), error);
            output.WriteLine(JsonSerializer.Serialize(report, SignCommands.PrintOptions));
            return report.Verified ? ExitCodes.Success : ExitCodes.NotVerified;
        });
        return command;
    }

    /// <summary>A JSON object, a JSON string holding a JWT, or the bare compact JWT text.</summary>
    private static JsonNode ReadCredential(FileInfo file)
    {
        var text = SignCommands.ReadText(file).Trim();
        if (text.StartsWith('{') || text.StartsWith('"'))
        {
            try
            {
                return JsonLdProcessor.ParseDocument(text, JsonLdLimits.Default)
                    ?? throw new CliInputException($"{file.Name}: the JSON is null", ExitCodes.VerifyInputError);
            }
            catch (JsonLdException e)
            {
                throw new CliInputException($"{file.Name}: {e.Message}", ExitCodes.VerifyInputError);
            }
        }
        return JsonValue.Create(text);
    }

    private static TimeProvider Clock(string? now)
    {
        if (now is null)
        {
            return TimeProvider.System;
        }
        return DateTimeOffset.TryParse(now, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? new FixedClock(value)
            : throw new CliInputException($"--now '{now}' is not an ISO 8601 date-time", ExitCodes.VerifyInputError);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
