// Zone abbreviations, which Go prints for the `MST` layout element and in Time.String(). Intl knows every
// zone's offsets but names few zones the way the tz database does (it says `GMT+1` where Go says `CET`), so the
// alphabetic abbreviations of today's rules are listed here, taken from the POSIX TZ footers of tzdata 2025
// (public domain). Zones absent here use numeric abbreviations (`+04`, `+0530`), as tzdata itself does; so do
// offsets that match neither of a zone's current ones (historical times), which is where this table can differ
// from Go.
// Each line: `STD OFFSET[ DST OFFSET]: zone ...`, offsets in seconds east of UTC.

const TABLE = `
GMT 0: Africa/Abidjan Africa/Accra Africa/Bamako Africa/Banjul Africa/Bissau Africa/Conakry Africa/Dakar Africa/Freetown Africa/Lome Africa/Monrovia Africa/Nouakchott Africa/Ouagadougou Africa/Sao_Tome Africa/Timbuktu America/Danmarkshavn Atlantic/Reykjavik Atlantic/St_Helena Etc/GMT Etc/GMT+0 Etc/GMT-0 Etc/GMT0 Etc/Greenwich GMT GMT+0 GMT-0 GMT0 Greenwich Iceland
EAT 10800: Africa/Addis_Ababa Africa/Asmara Africa/Asmera Africa/Dar_es_Salaam Africa/Djibouti Africa/Kampala Africa/Mogadishu Africa/Nairobi Indian/Antananarivo Indian/Comoro Indian/Mayotte
CET 3600: Africa/Algiers Africa/Tunis
WAT 3600: Africa/Bangui Africa/Brazzaville Africa/Douala Africa/Kinshasa Africa/Lagos Africa/Libreville Africa/Luanda Africa/Malabo Africa/Ndjamena Africa/Niamey Africa/Porto-Novo
CAT 7200: Africa/Blantyre Africa/Bujumbura Africa/Gaborone Africa/Harare Africa/Juba Africa/Khartoum Africa/Kigali Africa/Lubumbashi Africa/Lusaka Africa/Maputo Africa/Windhoek
EET 7200 EEST 10800: Africa/Cairo Asia/Beirut Asia/Famagusta Asia/Gaza Asia/Hebron Asia/Nicosia EET Egypt Europe/Athens Europe/Bucharest Europe/Chisinau Europe/Helsinki Europe/Kiev Europe/Kyiv Europe/Mariehamn Europe/Nicosia Europe/Riga Europe/Sofia Europe/Tallinn Europe/Tiraspol Europe/Uzhgorod Europe/Vilnius Europe/Zaporozhye
CET 3600 CEST 7200: Africa/Ceuta Arctic/Longyearbyen Atlantic/Jan_Mayen CET Europe/Amsterdam Europe/Andorra Europe/Belgrade Europe/Berlin Europe/Bratislava Europe/Brussels Europe/Budapest Europe/Busingen Europe/Copenhagen Europe/Gibraltar Europe/Ljubljana Europe/Luxembourg Europe/Madrid Europe/Malta Europe/Monaco Europe/Oslo Europe/Paris Europe/Podgorica Europe/Prague Europe/Rome Europe/San_Marino Europe/Sarajevo Europe/Skopje Europe/Stockholm Europe/Tirane Europe/Vaduz Europe/Vatican Europe/Vienna Europe/Warsaw Europe/Zagreb Europe/Zurich Poland
SAST 7200: Africa/Johannesburg Africa/Maseru Africa/Mbabane
EET 7200: Africa/Tripoli Europe/Kaliningrad Libya
HST -36000 HDT -32400: America/Adak America/Atka US/Aleutian
AKST -32400 AKDT -28800: America/Anchorage America/Juneau America/Metlakatla America/Nome America/Sitka America/Yakutat US/Alaska
AST -14400: America/Anguilla America/Antigua America/Aruba America/Barbados America/Blanc-Sablon America/Curacao America/Dominica America/Grenada America/Guadeloupe America/Kralendijk America/Lower_Princes America/Marigot America/Martinique America/Montserrat America/Port_of_Spain America/Puerto_Rico America/Santo_Domingo America/St_Barthelemy America/St_Kitts America/St_Lucia America/St_Thomas America/St_Vincent America/Tortola America/Virgin
EST -18000: America/Atikokan America/Cancun America/Cayman America/Coral_Harbour America/Jamaica America/Panama EST Jamaica
CST -21600: America/Bahia_Banderas America/Belize America/Chihuahua America/Costa_Rica America/El_Salvador America/Guatemala America/Managua America/Merida America/Mexico_City America/Monterrey America/Regina America/Swift_Current America/Tegucigalpa Canada/Saskatchewan Mexico/General
MST -25200 MDT -21600: America/Boise America/Cambridge_Bay America/Ciudad_Juarez America/Denver America/Edmonton America/Inuvik America/Shiprock America/Yellowknife Canada/Mountain MST7MDT Navajo US/Mountain
CST -21600 CDT -18000: America/Chicago America/Indiana/Knox America/Indiana/Tell_City America/Knox_IN America/Matamoros America/Menominee America/North_Dakota/Beulah America/North_Dakota/Center America/North_Dakota/New_Salem America/Ojinaga America/Rainy_River America/Rankin_Inlet America/Resolute America/Winnipeg CST6CDT Canada/Central US/Central US/Indiana-Starke
MST -25200: America/Creston America/Dawson America/Dawson_Creek America/Fort_Nelson America/Hermosillo America/Mazatlan America/Phoenix America/Whitehorse Canada/Yukon MST Mexico/BajaSur US/Arizona
EST -18000 EDT -14400: America/Detroit America/Fort_Wayne America/Grand_Turk America/Indiana/Indianapolis America/Indiana/Marengo America/Indiana/Petersburg America/Indiana/Vevay America/Indiana/Vincennes America/Indiana/Winamac America/Indianapolis America/Iqaluit America/Kentucky/Louisville America/Kentucky/Monticello America/Louisville America/Montreal America/Nassau America/New_York America/Nipigon America/Pangnirtung America/Port-au-Prince America/Thunder_Bay America/Toronto Canada/Eastern EST5EDT US/East-Indiana US/Eastern US/Michigan
PST -28800 PDT -25200: America/Ensenada America/Los_Angeles America/Santa_Isabel America/Tijuana America/Vancouver Canada/Pacific Mexico/BajaNorte PST8PDT US/Pacific
AST -14400 ADT -10800: America/Glace_Bay America/Goose_Bay America/Halifax America/Moncton America/Thule Atlantic/Bermuda Canada/Atlantic
CST -18000 CDT -14400: America/Havana Cuba
NST -12600 NDT -9000: America/St_Johns Canada/Newfoundland
AEST 36000 AEDT 39600: Antarctica/Macquarie Australia/ACT Australia/Canberra Australia/Currie Australia/Hobart Australia/Melbourne Australia/NSW Australia/Sydney Australia/Tasmania Australia/Victoria
NZST 43200 NZDT 46800: Antarctica/McMurdo Antarctica/South_Pole NZ Pacific/Auckland
IST 19800: Asia/Calcutta Asia/Kolkata
CST 28800: Asia/Chongqing Asia/Chungking Asia/Harbin Asia/Macao Asia/Macau Asia/Shanghai Asia/Taipei PRC ROC
HKT 28800: Asia/Hong_Kong Hongkong
WIB 25200: Asia/Jakarta Asia/Pontianak
WIT 32400: Asia/Jayapura
IST 7200 IDT 10800: Asia/Jerusalem Asia/Tel_Aviv Israel
PKT 18000: Asia/Karachi
WITA 28800: Asia/Makassar Asia/Ujung_Pandang
PST 28800: Asia/Manila
KST 32400: Asia/Pyongyang Asia/Seoul ROK
JST 32400: Asia/Tokyo Japan
WET 0 WEST 3600: Atlantic/Canary Atlantic/Faeroe Atlantic/Faroe Atlantic/Madeira Europe/Lisbon Portugal WET
ACST 34200 ACDT 37800: Australia/Adelaide Australia/Broken_Hill Australia/South Australia/Yancowinna
AEST 36000: Australia/Brisbane Australia/Lindeman Australia/Queensland
ACST 34200: Australia/Darwin Australia/North
AWST 28800: Australia/Perth Australia/West
IST 3600 GMT 0: Eire Europe/Dublin
UTC 0: Etc/UCT Etc/UTC Etc/Universal Etc/Zulu UCT UTC Universal Zulu
GMT 0 BST 3600: Europe/Belfast Europe/Guernsey Europe/Isle_of_Man Europe/Jersey Europe/London GB GB-Eire
MSK 10800: Europe/Kirov Europe/Moscow Europe/Simferopol Europe/Volgograd W-SU
HST -36000: HST Pacific/Honolulu Pacific/Johnston US/Hawaii
MET 3600 MEST 7200: MET
ChST 36000: Pacific/Guam Pacific/Saipan
SST -39600: Pacific/Midway Pacific/Pago_Pago Pacific/Samoa US/Samoa
`;

export interface ZoneAbbrs {
  readonly std: string;
  readonly stdOffset: number;
  readonly dst?: string;
  readonly dstOffset?: number;
}

let byZone: Map<string, ZoneAbbrs> | undefined;

/** The abbreviations of a zone's current rules, if alphabetic. Decoded on first use. */
export function zoneAbbrs(zone: string): ZoneAbbrs | undefined {
  if (byZone === undefined) {
    byZone = new Map();
    for (const line of TABLE.split('\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const [std, stdOff, dst, dstOff] = line.slice(0, colon).split(' ');
      const abbrs: ZoneAbbrs =
        dst === undefined
          ? { std, stdOffset: Number(stdOff) }
          : { std, stdOffset: Number(stdOff), dst, dstOffset: Number(dstOff) };
      for (const z of line.slice(colon + 2).split(' ')) byZone.set(z, abbrs);
    }
  }
  return byZone.get(zone);
}
