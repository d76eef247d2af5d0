using VcService.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddVcService();

var app = builder.Build();
app.MapVcService();
app.Run();

/// <summary>Entry point type, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
