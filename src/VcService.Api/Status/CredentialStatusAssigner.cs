using System.Text.Json.Nodes;
using VcService.Credentials.DataModel;
using VcService.Credentials.Status;
using VcService.Storage.Abstractions;

namespace VcService.Api.Status;

/// <summary>
/// Gives a credential its <c>credentialStatus</c> before it is signed: a random index in the
/// tenant's revocation list, and one in its suspension list when the tenant enables suspension.
/// VC 1.1 credentials (the <c>elm</c> profile) get <c>StatusList2021Entry</c> (and its context);
/// VC 2.0 credentials get <c>BitstringStatusListEntry</c>.
/// </summary>
public sealed class CredentialStatusAssigner(IStatusListStore store, StatusListUrls urls)
{
    public async Task<IReadOnlyList<StatusAllocation>> AddStatusAsync(JsonObject credential, IssuerTenant tenant, string credentialId, CancellationToken cancellationToken)
    {
        var v1 = CredentialDocument.GetVersionContext(credential) == VcContexts.V1;
        var listType = v1 ? StatusList2021Credential.SubjectType : BitstringStatusListCredential.SubjectType;
        var purposes = tenant.SuspensionEnabled ? new[] { StatusPurpose.Revocation, StatusPurpose.Suspension } : [StatusPurpose.Revocation];

        var allocations = new List<StatusAllocation>();
        var entries = new List<JsonObject>();
        foreach (var purpose in purposes)
        {
            var allocation = await store.AllocateAsync(tenant.Id, purpose, listType, credentialId, cancellationToken);
            allocations.Add(allocation);
            var url = urls.UrlOf(tenant.Id, allocation.ListId);
            entries.Add(v1
                ? StatusList2021Entry.Render(url, allocation.Index, purpose)
                : BitstringStatusListEntry.Render(url, allocation.Index, purpose));
        }

        if (v1 && credential["@context"] is JsonArray contexts && !contexts.Any(c => c is JsonValue v && v.TryGetValue<string>(out var s) && s == StatusList2021Entry.Context))
            contexts.Add(StatusList2021Entry.Context);
        credential["credentialStatus"] = entries.Count == 1 ? entries[0] : new JsonArray([.. entries]);
        return allocations;
    }
}
