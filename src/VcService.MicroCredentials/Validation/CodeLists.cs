using System.Text.RegularExpressions;

namespace VcService.MicroCredentials;

/// <summary>Country and region code checks: ISO 3166-1 alpha-2/alpha-3 (membership), ISO 3166-2 and NUTS (format).</summary>
public static partial class CodeLists
{
    // ISO 3166-1 alpha-2 + alpha-3 pairs (from the iso-codes 3166-1 list; every alpha-3 except ATF is
    // also in the EU country authority table http://publications.europa.eu/resource/authority/country).
    private const string Pairs = "ADAND AEARE AFAFG AGATG AIAIA ALALB AMARM AOAGO AQATA ARARG ASASM ATAUT AUAUS AWABW AXALA AZAZE BABIH BBBRB BDBGD BEBEL BFBFA BGBGR BHBHR BIBDI BJBEN BLBLM BMBMU BNBRN BOBOL BQBES BRBRA BSBHS BTBTN BVBVT BWBWA BYBLR BZBLZ CACAN CCCCK CDCOD CFCAF CGCOG CHCHE CICIV CKCOK CLCHL CMCMR CNCHN COCOL CRCRI CUCUB CVCPV CWCUW CXCXR CYCYP CZCZE DEDEU DJDJI DKDNK DMDMA DODOM DZDZA ECECU EEEST EGEGY EHESH ERERI ESESP ETETH FIFIN FJFJI FKFLK FMFSM FOFRO FRFRA GAGAB GBGBR GDGRD GEGEO GFGUF GGGGY GHGHA GIGIB GLGRL GMGMB GNGIN GPGLP GQGNQ GRGRC GSSGS GTGTM GUGUM GWGNB GYGUY HKHKG HMHMD HNHND HRHRV HTHTI HUHUN IDIDN IEIRL ILISR IMIMN ININD IOIOT IQIRQ IRIRN ISISL ITITA JEJEY JMJAM JOJOR JPJPN KEKEN KGKGZ KHKHM KIKIR KMCOM KNKNA KPPRK KRKOR KWKWT KYCYM KZKAZ LALAO LBLBN LCLCA LILIE LKLKA LRLBR LSLSO LTLTU LULUX LVLVA LYLBY MAMAR MCMCO MDMDA MEMNE MFMAF MGMDG MHMHL MKMKD MLMLI MMMMR MNMNG MOMAC MPMNP MQMTQ MRMRT MSMSR MTMLT MUMUS MVMDV MWMWI MXMEX MYMYS MZMOZ NANAM NCNCL NENER NFNFK NGNGA NINIC NLNLD NONOR NPNPL NRNRU NUNIU NZNZL OMOMN PAPAN PEPER PFPYF PGPNG PHPHL PKPAK PLPOL PMSPM PNPCN PRPRI PSPSE PTPRT PWPLW PYPRY QAQAT REREU ROROU RSSRB RURUS RWRWA SASAU SBSLB SCSYC SDSDN SESWE SGSGP SHSHN SISVN SJSJM SKSVK SLSLE SMSMR SNSEN SOSOM SRSUR SSSSD STSTP SVSLV SXSXM SYSYR SZSWZ TCTCA TDTCD TFATF TGTGO THTHA TJTJK TKTKL TLTLS TMTKM TNTUN TOTON TRTUR TTTTO TVTUV TWTWN TZTZA UAUKR UGUGA UMUMI USUSA UYURY UZUZB VAVAT VCVCT VEVEN VGVGB VIVIR VNVNM VUVUT WFWLF WSWSM YEYEM YTMYT ZAZAF ZMZMB ZWZWE";

    private static readonly Dictionary<string, string> Alpha2To3 = Pairs.Split(' ').ToDictionary(p => p[..2], p => p[2..], StringComparer.Ordinal);
    private static readonly Dictionary<string, string> Alpha3To2 = Alpha2To3.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    // NUTS uses EL for Greece and UK for the United Kingdom.
    private static readonly Dictionary<string, string> NutsCountry = new(StringComparer.Ordinal) { ["EL"] = "GRC", ["UK"] = "GBR" };

    // English labels of the EU country authority table (reference/elm/vocabularies.json), by alpha-3.
    private const string Names = "ABW=Aruba|AFG=Afghanistan|AGO=Angola|AIA=Anguilla|ALA=Åland Islands|ALB=Albania|AND=Andorra|ARE=United Arab Emirates|ARG=Argentina|ARM=Armenia|ASM=American Samoa|ATA=Antarctica|ATG=Antigua and Barbuda|AUS=Australia|AUT=Austria|AZE=Azerbaijan|BDI=Burundi|BEL=Belgium|BEN=Benin|BES=Bonaire, Sint Eustatius and Saba|BFA=Burkina Faso|BGD=Bangladesh|BGR=Bulgaria|BHR=Bahrain|BHS=Bahamas|BIH=Bosnia and Herzegovina|BLM=Saint Barthélemy|BLR=Belarus|BLZ=Belize|BMU=Bermuda|BOL=Bolivia|BRA=Brazil|BRB=Barbados|BRN=Brunei|BTN=Bhutan|BVT=Bouvet Island|BWA=Botswana|CAF=Central African Republic|CAN=Canada|CCK=Cocos (Keeling) Islands|CHE=Switzerland|CHL=Chile|CHN=China|CIV=Côte d’Ivoire|CMR=Cameroon|COD=Democratic Republic of the Congo|COG=Congo|COK=Cook Islands|COL=Colombia|COM=Comoros|CPV=Cabo Verde|CRI=Costa Rica|CUB=Cuba|CUW=Curaçao|CXR=Christmas Island|CYM=Cayman Islands|CYP=Cyprus|CZE=Czechia|DEU=Germany|DJI=Djibouti|DMA=Dominica|DNK=Denmark|DOM=Dominican Republic|DZA=Algeria|ECU=Ecuador|EGY=Egypt|ERI=Eritrea|ESH=Western Sahara|ESP=Spain|EST=Estonia|ETH=Ethiopia|FIN=Finland|FJI=Fiji|FLK=Falkland Islands|FRA=France|FRO=Faroes|FSM=Micronesia|GAB=Gabon|GBR=United Kingdom|GEO=Georgia|GGY=Guernsey|GHA=Ghana|GIB=Gibraltar|GIN=Guinea|GLP=Guadeloupe|GMB=The Gambia|GNB=Guinea-Bissau|GNQ=Equatorial Guinea|GRC=Greece|GRD=Grenada|GRL=Greenland|GTM=Guatemala|GUF=French Guiana|GUM=Guam|GUY=Guyana|HKG=Hong Kong|HMD=Heard Island and McDonald Islands|HND=Honduras|HRV=Croatia|HTI=Haiti|HUN=Hungary|IDN=Indonesia|IMN=Isle of Man|IND=India|IOT=British Indian Ocean Territory|IRL=Ireland|IRN=Iran|IRQ=Iraq|ISL=Iceland|ISR=Israel|ITA=Italy|JAM=Jamaica|JEY=Jersey|JOR=Jordan|JPN=Japan|KAZ=Kazakhstan|KEN=Kenya|KGZ=Kyrgyzstan|KHM=Cambodia|KIR=Kiribati|KNA=Saint Kitts and Nevis|KOR=South Korea|KWT=Kuwait|LAO=Laos|LBN=Lebanon|LBR=Liberia|LBY=Libya|LCA=Saint Lucia|LIE=Liechtenstein|LKA=Sri Lanka|LSO=Lesotho|LTU=Lithuania|LUX=Luxembourg|LVA=Latvia|MAC=Macau|MAF=Saint Martin|MAR=Morocco|MCO=Monaco|MDA=Moldova|MDG=Madagascar|MDV=Maldives|MEX=Mexico|MHL=Marshall Islands|MKD=North Macedonia|MLI=Mali|MLT=Malta|MMR=Myanmar/Burma|MNE=Montenegro|MNG=Mongolia|MNP=Northern Mariana Islands|MOZ=Mozambique|MRT=Mauritania|MSR=Montserrat|MTQ=Martinique|MUS=Mauritius|MWI=Malawi|MYS=Malaysia|MYT=Mayotte|NAM=Namibia|NCL=New Caledonia|NER=Niger|NFK=Norfolk Island|NGA=Nigeria|NIC=Nicaragua|NIU=Niue|NLD=Netherlands|NOR=Norway|NPL=Nepal|NRU=Nauru|NZL=New Zealand|OMN=Oman|PAK=Pakistan|PAN=Panama|PCN=Pitcairn Islands|PER=Peru|PHL=Philippines|PLW=Palau|PNG=Papua New Guinea|POL=Poland|PRI=Puerto Rico|PRK=North Korea|PRT=Portugal|PRY=Paraguay|PSE=Palestine|PYF=French Polynesia|QAT=Qatar|REU=Réunion|ROU=Romania|RUS=Russia|RWA=Rwanda|SAU=Saudi Arabia|SDN=Sudan|SEN=Senegal|SGP=Singapore|SGS=South Georgia and the South Sandwich Islands|SHN=Saint Helena, Ascension and Tristan da Cunha|SJM=Svalbard and Jan Mayen|SLB=Solomon Islands|SLE=Sierra Leone|SLV=El Salvador|SMR=San Marino|SOM=Somalia|SPM=Saint Pierre and Miquelon|SRB=Serbia|SSD=South Sudan|STP=São Tomé and Príncipe|SUR=Suriname|SVK=Slovakia|SVN=Slovenia|SWE=Sweden|SWZ=Eswatini|SXM=Sint Maarten|SYC=Seychelles|SYR=Syria|TCA=Turks and Caicos Islands|TCD=Chad|TGO=Togo|THA=Thailand|TJK=Tajikistan|TKL=Tokelau|TKM=Turkmenistan|TLS=Timor-Leste|TON=Tonga|TTO=Trinidad and Tobago|TUN=Tunisia|TUR=Turkey|TUV=Tuvalu|TWN=Taiwan|TZA=Tanzania|UGA=Uganda|UKR=Ukraine|UMI=United States Minor Outlying Islands|URY=Uruguay|USA=United States|UZB=Uzbekistan|VAT=Vatican City State|VCT=Saint Vincent and the Grenadines|VEN=Venezuela|VGB=British Virgin Islands|VIR=US Virgin Islands|VNM=Vietnam|VUT=Vanuatu|WLF=Wallis and Futuna|WSM=Samoa|YEM=Yemen|ZAF=South Africa|ZMB=Zambia|ZWE=Zimbabwe";

    private static readonly Dictionary<string, string> NameOf = Names.Split('|').ToDictionary(p => p[..3], p => p[4..], StringComparer.Ordinal);

    /// <summary>The EU authority table's English label of an alpha-3 country, or null.</summary>
    public static string? CountryName(string alpha3) => NameOf.GetValueOrDefault(alpha3);

    public static bool IsAlpha2(string code) => Alpha2To3.ContainsKey(code);
    public static bool IsAlpha3(string code) => Alpha3To2.ContainsKey(code);
    public static string? Alpha2Of(string alpha3) => Alpha3To2.GetValueOrDefault(alpha3);

    /// <summary>The kind of a region/country code, or null when it is none we accept.</summary>
    public static CodeKind? Classify(string code)
    {
        if (code.Length == 2 && IsAlpha2(code)) return CodeKind.Alpha2;
        if (code.Length == 3 && IsAlpha3(code)) return CodeKind.Alpha3;
        if (Iso3166_2().IsMatch(code) && IsAlpha2(code[..2])) return CodeKind.Iso3166_2;
        if (Nuts().IsMatch(code) && CountryAlpha3(code) is not null) return CodeKind.Nuts;
        return null;
    }

    /// <summary>The ISO 3166-1 alpha-3 code of the country a code lies in (null when unknown).</summary>
    public static string? CountryAlpha3(string code)
    {
        if (code.Length == 3 && IsAlpha3(code)) return code;
        if (code.Length < 2) return null;
        var two = code[..2];
        return NutsCountry.TryGetValue(two, out var n) && code.Length > 2 && Nuts().IsMatch(code) ? n : Alpha2To3.GetValueOrDefault(two);
    }

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{1,3}$")]
    private static partial Regex Iso3166_2();

    // NUTS 1-3: country code + 1..3 alphanumerics (e.g. DE2, DE21, DE212).
    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{1,3}$")]
    private static partial Regex Nuts();
}

public enum CodeKind { Alpha2, Alpha3, Iso3166_2, Nuts }
