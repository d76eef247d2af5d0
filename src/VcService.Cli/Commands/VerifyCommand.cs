using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.Credentials.DataIntegrity;
using VcService.Credentials.Verification;
using VcService.Credentials.Verification.Checks;
using VcService.LinkedData.JsonLd;
using VcService.MicroCredentials.Trust;
using VcService.MicroCredentials.Verification;

namespace VcService.Cli.Commands;

/// <summary>
/// <c>vcservice verify FILE</c>: prints the verification report (JSON) of a credential — a compact
/// JWT-VC, a vc+jwt (VC-JOSE-COSE) or a JSON-LD credential with Data Integrity proofs. DIDs are resolved offline (did:key,
/// did:jwk). With <c>--trusted-list FILE</c> (the format of <c>VcService:Trust:ListFile</c>, see
/// <c>trust check-list</c>) the report also has the issuer section: who the issuer is and whether it is recognised.
/// Exit code 0 verified, 1 not verified, 2 unreadable or malformed input (also an invalid trusted list).
/// </summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A credential: compact JWT or JSON-LD with an embedded proof" };
        var now = new Option<string?>("--now") { Description = "Verify as of this date-time (ISO 8601; default: the clock)" };
        var trustedList = new Option<FileInfo?>("--trusted-list")
        {
            Description = "A trusted issuer list file ({\"issuers\": [...]}, as VcService:Trust:ListFile): adds the issuer check (recognised or not)",
        };
        var repeat = RdfCommands.RepeatOption();
        var command = new Command("verify", "Verify a credential (JWT-VC, vc+jwt or Data Integrity) and print the verification report")
        {
            file, now, trustedList, repeat,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            JsonNode input;
            TimeProvider clock;
            TrustedIssuerList? trusted;
            try
            {
                input = ReadCredential(parse.GetValue(file)!);
                clock = Clock(parse.GetValue(now));
                trusted = ReadTrustedList(parse.GetValue(trustedList));
            }
            catch (CliInputException e)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.VerifyInputError;
            }
            var resolver = VerificationMethodKeys.Offline();
            List<IVerificationCheck> checks = [new FormatCheck(), new SignatureCheck(resolver), new ValidityCheck(), new AnnexICheck()];
            if (trusted is not null)
            {
                checks.Add(new IssuerCheck(resolver, new TrustRegistry([trusted])));
            }
            var verifier = new CredentialVerifier(checks, clock);
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

    /// <summary>The list of <c>--trusted-list</c>, validated as <c>trust check-list</c> does; null without the option.</summary>
    private static TrustedIssuerList? ReadTrustedList(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }
        var (entries, readErrors) = TrustedIssuerList.ReadFile(file.FullName);
        var (list, errors) = TrustedIssuerList.Create(entries, file.Name);
        var problems = readErrors.Concat(errors).ToList();
        if (problems.Count > 0 || list is null)
        {
            throw new CliInputException($"--trusted-list {file.Name}: {string.Join("; ", problems)}", ExitCodes.VerifyInputError);
        }
        return list;
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
