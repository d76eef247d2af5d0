using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VcService.Credentials.DataIntegrity;
using VcService.Crypto;
using VcService.LinkedData.JsonLd;

namespace VcService.Cli.Commands;

/// <summary>
/// <c>vcservice sign --suite S --key KEYFILE [--created ISO] [--verification-method DIDURL] FILE</c>:
/// adds a Data Integrity proof to a JSON-LD credential and prints the secured credential. The key
/// file is the W3C test-vector format <c>{publicKeyMultibase, privateKeyMultibase}</c> (the P-256
/// vector calls the private part <c>secretKeyMultibase</c>; both are read). The default verification
/// method is the did:key of the public key.
/// </summary>
public static class SignCommands
{
    public static readonly JsonSerializerOptions PrintOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The unsecured (or already secured) JSON-LD credential" };
        var suite = new Option<string>("--suite") { Description = "The Data Integrity cryptosuite", Required = true };
        suite.AcceptOnlyFromAmong([.. Cryptosuites.All.Select(s => s.Name)]);
        var keyFile = new Option<FileInfo>("--key") { Description = "Key file {publicKeyMultibase, privateKeyMultibase}", Required = true };
        var created = new Option<string?>("--created") { Description = "The proof's created date-time (ISO 8601; default: now)" };
        var method = new Option<string?>("--verification-method") { Description = "DID URL of the verification method (default: did:key:<multikey>#<multikey>)" };
        var repeat = RdfCommands.RepeatOption();
        var command = new Command("sign", "Add a Data Integrity proof (eddsa-rdfc-2022, eddsa-jcs-2022, ecdsa-rdfc-2019) to a JSON-LD credential and print it")
        {
            file, suite, keyFile, created, method, repeat,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var cryptosuite = Cryptosuites.ByName(parse.GetValue(suite)!)!;
                using var key = ReadKeyFile(parse.GetValue(keyFile)!);
                if (key.Type != cryptosuite.KeyType)
                {
                    throw new CliInputException($"--suite {cryptosuite.Name} needs a {cryptosuite.KeyType} key; the key file holds {key.Type}", ExitCodes.InvalidInput);
                }
                var createdAt = ParseCreated(parse.GetValue(created));
                var multikey = key.PublicKey.ToMultikey();
                var verificationMethod = parse.GetValue(method) ?? $"did:key:{multikey}#{multikey}";
                var document = ReadJsonObject(parse.GetValue(file)!);
                var options = new DataIntegrityProofOptions(verificationMethod, createdAt);
                var signed = Repeat.Run(() => DataIntegrity.AddProof(document, cryptosuite, key, options), parse.GetValue(repeat), error);
                output.WriteLine(signed.ToJsonString(PrintOptions));
                return ExitCodes.Success;
            }
            catch (CliInputException e)
            {
                error.WriteLine($"error: {e.Message}");
                return e.ExitCode;
            }
            catch (DataIntegrityException e)
            {
                error.WriteLine($"error: cannot sign: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }

    /// <summary>Reads a key file; the public key, when present, must match the private key.</summary>
    public static SigningKey ReadKeyFile(FileInfo file)
    {
        var json = ReadJsonObject(file);
        var privateText = (json["privateKeyMultibase"] ?? json["secretKeyMultibase"]) is JsonValue p && p.GetValueKind() == JsonValueKind.String
            ? p.GetValue<string>()
            : throw new CliInputException($"{file.Name}: privateKeyMultibase (or secretKeyMultibase) is missing", ExitCodes.InvalidInput);
        SigningKey key;
        try
        {
            key = SigningKey.FromPrivateMultikey(privateText);
        }
        catch (FormatException e)
        {
            throw new CliInputException($"{file.Name}: {e.Message}", ExitCodes.InvalidInput);
        }
        if (json["publicKeyMultibase"] is JsonValue pub && pub.GetValueKind() == JsonValueKind.String &&
            pub.GetValue<string>() != key.PublicKey.ToMultikey())
        {
            key.Dispose();
            throw new CliInputException($"{file.Name}: publicKeyMultibase does not match the private key", ExitCodes.InvalidInput);
        }
        return key;
    }

    public static JsonObject ReadJsonObject(FileInfo file)
    {
        var text = ReadText(file);
        try
        {
            return JsonLdProcessor.ParseDocument(text, JsonLdLimits.Default) as JsonObject
                ?? throw new CliInputException($"{file.Name}: expected a JSON object", ExitCodes.InvalidInput);
        }
        catch (JsonLdException e)
        {
            throw new CliInputException($"{file.Name}: {e.Message}", ExitCodes.InvalidInput);
        }
    }

    public static string ReadText(FileInfo file)
    {
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"cannot read {file.FullName}: {e.Message}", ExitCodes.InputUnreadable);
        }
    }

    private static DateTimeOffset ParseCreated(string? text)
    {
        if (text is null)
        {
            var now = DateTimeOffset.UtcNow;
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new CliInputException($"--created '{text}' is not an ISO 8601 date-time", ExitCodes.InvalidInput);
    }
}

/// <summary>Bad command input with the exit code to return.</summary>
public sealed class CliInputException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
