"""Writes the curated gazetteer lists under ``resources/entities/gazetteer/``.

Usage::

    .venv/bin/python scripts/ner/write_gazetteer.py

The lists are general reference knowledge written for this project (countries, capitals, large
cities, first-level administrative divisions, news agencies, international bodies, armed and
political groups, large companies). No name was taken from the NER test sets or the seed page.
Names that are also common words or first names ("Male", "Victoria", "Nice", "Java") are left
out on purpose: a false place in every sentence costs more than a missed one.

Edit the lists here and re-run the script; the ``.tsv`` files are what the recognizer reads.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "resources" / "entities" / "gazetteer"

COUNTRIES = """Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|
Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|
Bhutan|Bolivia|Bosnia and Herzegovina|Bosnia|Herzegovina|Botswana|Brazil|Brunei|Bulgaria|
Burkina Faso|Burundi|Cabo Verde|Cape Verde|Cambodia|Cameroon|Canada|Central African Republic|
Chad|Chile|China|Colombia|Comoros|Congo|Democratic Republic of Congo|
Democratic Republic of the Congo|Republic of the Congo|Costa Rica|Ivory Coast|Côte d'Ivoire|
Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|
East Timor|Timor-Leste|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|
Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|
Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|
Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|
Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|
Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|
Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|
Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Macedonia|Norway|Oman|
Pakistan|Palau|Palestine|Palestinian Territories|Gaza|Gaza Strip|West Bank|Panama|
Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|
Russian Federation|Rwanda|Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|
Samoa|San Marino|Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|
Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Korea|South Sudan|Spain|
Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|
Tonga|Trinidad and Tobago|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|
United Arab Emirates|UAE|United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|Wales|
Northern Ireland|United States|United States of America|US|U.S.|USA|U.S.A.|America|Uruguay|
Uzbekistan|Vanuatu|Vatican|Vatican City|Venezuela|Vietnam|Viet Nam|Yemen|Zambia|Zimbabwe|
Greenland|Puerto Rico|Hong Kong|Macau|Macao|Tibet|Xinjiang|Crimea|Donbas|Kashmir|Chechnya|
Kurdistan|Western Sahara|Transnistria|Abkhazia|South Ossetia|Nagorno-Karabakh|Siberia|Europe|
Asia|Africa|North America|South America|Latin America|Antarctica|Oceania|Middle East|Near East|
Far East|Balkans|Caucasus|Scandinavia|Sahel|Horn of Africa|Central Asia|Southeast Asia|
South Asia|East Asia|Eastern Europe|Western Europe|Persian Gulf|Gulf of Aden|Red Sea|Black Sea|
Caspian Sea|Mediterranean Sea|Baltic Sea|North Sea|South China Sea|East China Sea|
Atlantic Ocean|Pacific Ocean|Indian Ocean|Arctic Ocean|Strait of Hormuz|Suez Canal|
Panama Canal|Taiwan Strait|Korean Peninsula|Sinai|Golan Heights|Himalayas|Alps|Andes|Nile|
Danube|Rhine|Euphrates|Tigris|Yangtze|Mekong|Ganges|Hindu Kush"""

CAPITALS = """Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Vienna|Baku|Nassau|
Manama|Dhaka|Bridgetown|Minsk|Brussels|Belmopan|Porto-Novo|Thimphu|La Paz|Sarajevo|Gaborone|
Brasilia|Brasília|Bandar Seri Begawan|Sofia|Ouagadougou|Gitega|Bujumbura|Phnom Penh|Yaounde|
Yaoundé|Ottawa|Bangui|N'Djamena|Santiago|Beijing|Bogota|Bogotá|Moroni|Kinshasa|Brazzaville|
San Jose|San José|Yamoussoukro|Abidjan|Zagreb|Havana|Nicosia|Prague|Copenhagen|Djibouti City|
Roseau|Santo Domingo|Dili|Quito|Cairo|San Salvador|Malabo|Asmara|Tallinn|Mbabane|Addis Ababa|
Suva|Helsinki|Paris|Libreville|Banjul|Tbilisi|Berlin|Accra|Athens|Guatemala City|Conakry|
Bissau|Georgetown|Port-au-Prince|Tegucigalpa|Budapest|Reykjavik|New Delhi|Delhi|Jakarta|Tehran|
Baghdad|Dublin|Jerusalem|Tel Aviv|Rome|Kingston|Tokyo|Amman|Astana|Nur-Sultan|Nairobi|Tarawa|
Pristina|Kuwait City|Bishkek|Vientiane|Riga|Beirut|Maseru|Monrovia|Tripoli|Vaduz|Vilnius|
Antananarivo|Lilongwe|Kuala Lumpur|Bamako|Valletta|Majuro|Nouakchott|Port Louis|Mexico City|
Palikir|Chisinau|Chișinău|Ulaanbaatar|Ulan Bator|Podgorica|Rabat|Maputo|Naypyidaw|Naypyitaw|
Yangon|Rangoon|Windhoek|Kathmandu|Amsterdam|The Hague|Wellington|Managua|Niamey|Abuja|Lagos|
Pyongyang|Skopje|Oslo|Muscat|Islamabad|Karachi|Lahore|Ngerulmud|Ramallah|Panama City|
Port Moresby|Asuncion|Asunción|Lima|Manila|Warsaw|Lisbon|Doha|Bucharest|Moscow|Kigali|
Basseterre|Castries|Kingstown|Apia|Riyadh|Dakar|Belgrade|Freetown|Bratislava|Ljubljana|Honiara|
Mogadishu|Pretoria|Cape Town|Johannesburg|Seoul|Juba|Madrid|Colombo|Khartoum|Paramaribo|
Stockholm|Bern|Geneva|Zurich|Damascus|Taipei|Dushanbe|Dodoma|Dar es Salaam|Bangkok|Lome|Lomé|
Nuku'alofa|Port of Spain|Tunis|Ankara|Istanbul|Ashgabat|Funafuti|Kampala|Kyiv|Kiev|Abu Dhabi|
Dubai|London|Washington, D.C.|Washington D.C.|Montevideo|Tashkent|Port Vila|Caracas|Hanoi|
Ho Chi Minh City|Saigon|Sanaa|Sana'a|Aden|Lusaka|Harare"""

CITIES = """New York|New York City|Los Angeles|Chicago|Houston|Philadelphia|Phoenix|
San Antonio|San Diego|Dallas|San Francisco|Seattle|Boston|Atlanta|Miami|Detroit|Denver|
Las Vegas|Baltimore|Minneapolis|New Orleans|Pittsburgh|Cleveland|St. Louis|Sacramento|Austin|
Nashville|Memphis|Milwaukee|Cincinnati|Honolulu|Anchorage|Silicon Valley|Manhattan|Brooklyn|
Toronto|Montreal|Vancouver|Calgary|Edmonton|Quebec City|Sydney|Melbourne|Brisbane|Perth|
Adelaide|Auckland|Christchurch|Manchester|Birmingham|Liverpool|Glasgow|Edinburgh|Belfast|
Cardiff|Leeds|Bristol|Oxford|Cambridge|Hamburg|Munich|Frankfurt|Cologne|Stuttgart|Dusseldorf|
Düsseldorf|Leipzig|Dresden|Bonn|Milan|Naples|Turin|Venice|Florence|Genoa|Barcelona|Valencia|
Seville|Bilbao|Marseille|Lyon|Toulouse|Strasbourg|Bordeaux|Rotterdam|Antwerp|Porto|Krakow|
Kraków|Gdansk|Saint Petersburg|St Petersburg|St. Petersburg|Novosibirsk|Vladivostok|Kharkiv|
Odesa|Odessa|Lviv|Mariupol|Donetsk|Luhansk|Dnipro|Kherson|Zaporizhzhia|Bakhmut|Thessaloniki|
Izmir|Aleppo|Homs|Idlib|Raqqa|Deir ez-Zor|Mosul|Basra|Kirkuk|Erbil|Fallujah|Ramadi|Tikrit|
Najaf|Karbala|Haifa|Hebron|Nablus|Jenin|Rafah|Khan Younis|Gaza City|Sidon|Isfahan|Mashhad|
Tabriz|Shiraz|Qom|Herat|Kandahar|Mazar-i-Sharif|Mazar-e-Sharif|Mazar-i Sharif|Jalalabad|
Kunduz|Ghazni|Lashkar Gah|Peshawar|Quetta|Rawalpindi|Mumbai|Bombay|Kolkata|Calcutta|Chennai|
Madras|Bangalore|Bengaluru|Hyderabad|Ahmedabad|Pune|Srinagar|Chittagong|Shanghai|Guangzhou|
Shenzhen|Wuhan|Chengdu|Chongqing|Tianjin|Nanjing|Hangzhou|Xi'an|Urumqi|Lhasa|Osaka|Kyoto|
Yokohama|Nagoya|Hiroshima|Nagasaki|Fukushima|Okinawa|Busan|Incheon|Kaohsiung|Surabaya|Bali|
Cebu|Davao|Mandalay|Chiang Mai|Alexandria|Giza|Benghazi|Misrata|Casablanca|Marrakech|Tangier|
Oran|Mombasa|Kano|Ibadan|Port Harcourt|Maiduguri|Durban|Goma|Lubumbashi|Timbuktu|Kidal|
Omdurman|El Fasher|Darfur|Sao Paulo|São Paulo|Rio de Janeiro|Recife|Fortaleza|Belo Horizonte|
Porto Alegre|Rosario|Medellin|Medellín|Guayaquil|Valparaiso|Guadalajara|Monterrey|Tijuana|
Ciudad Juarez|Ciudad Juárez|Acapulco|Cancun|Cancún|Mecca|Medina|Jeddah|Davos|Guantanamo|
Guantanamo Bay|Chernobyl"""

PROVINCES = """Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|
Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|
Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|
New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|
South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington State|
West Virginia|Wisconsin|Wyoming|
Badakhshan|Badghis|Baghlan|Balkh|Bamyan|Bamiyan|Daykundi|Farah|Faryab|Ghor|Helmand|Jowzjan|
Kapisa|Khost|Kunar|Laghman|Logar|Nangarhar|Nimroz|Nuristan|Paktia|Paktika|Panjshir|Parwan|
Samangan|Sar-e Pol|Sar-e-Pol|Takhar|Uruzgan|Urozgan|Wardak|Maidan Wardak|Zabul|
Punjab|Sindh|Khyber Pakhtunkhwa|Balochistan|Baluchistan|Gilgit-Baltistan|Waziristan|
North Waziristan|South Waziristan|
Anbar|Nineveh|Ninawa|Diyala|Salahuddin|Babil|Dohuk|Duhok|Sulaymaniyah|Halabja|Dhi Qar|Maysan|
Muthanna|Qadisiyah|Wasit|Hasakah|Daraa|Quneitra|Latakia|Tartus|Hama|Suwayda|Sweida|
Cherkasy|Chernihiv|Chernivtsi|Dnipropetrovsk|Ivano-Frankivsk|Khmelnytskyi|Kirovohrad|Mykolaiv|
Poltava|Rivne|Sumy|Ternopil|Vinnytsia|Volyn|Zakarpattia|Zhytomyr|Belgorod|Kursk|Bryansk|
Dagestan|Tatarstan|Bashkortostan|
Anhui|Fujian|Gansu|Guangdong|Guizhou|Hainan|Hebei|Heilongjiang|Henan|Hubei|Hunan|Jiangsu|
Jiangxi|Jilin|Liaoning|Qinghai|Shaanxi|Shandong|Shanxi|Sichuan|Yunnan|Zhejiang|Guangxi|
Inner Mongolia|Ningxia|
Andhra Pradesh|Arunachal Pradesh|Assam|Bihar|Chhattisgarh|Goa|Gujarat|Haryana|
Himachal Pradesh|Jharkhand|Karnataka|Kerala|Madhya Pradesh|Maharashtra|Manipur|Meghalaya|
Mizoram|Nagaland|Odisha|Rajasthan|Sikkim|Tamil Nadu|Telangana|Tripura|Uttar Pradesh|
Uttarakhand|West Bengal|Jammu and Kashmir|Ladakh|
Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|
Newfoundland|New South Wales|Queensland|Tasmania|Western Australia|South Australia|
Northern Territory|Bavaria|Saxony|Hesse|Brandenburg|Thuringia|Lower Saxony|
North Rhine-Westphalia|Baden-Wurttemberg|Baden-Württemberg|Catalonia|Andalusia|Basque Country|
Galicia|Lombardy|Sicily|Sardinia|Tuscany|Corsica|Brittany|Normandy|Flanders|Wallonia|Mindanao|
Luzon|Sumatra|Borneo|Aceh|Rakhine|Kachin|Tigray|Oromia|Borno|Kaduna|Katsina|Zamfara|
North Kivu|South Kivu|Ituri|Cabo Delgado|Kordofan|Hokkaido|Kyushu|Sonora|Chihuahua|Sinaloa|
Jalisco|Michoacan|Michoacán|Tamaulipas|Guerrero|Oaxaca|Chiapas|Yucatan|Yucatán|Baja California|
Rio Grande do Sul|Minas Gerais|Bahia"""

# Agencies and media: names that are never people, so the list may overrule the model.
MEDIA = """Reuters|Associated Press|AP|Agence France-Presse|Agence France Presse|AFP|dpa|
Deutsche Presse-Agentur|Xinhua|TASS|RIA Novosti|Interfax|Anadolu|Anadolu Agency|Kyodo|
Kyodo News|Yonhap|Press Trust of India|PTI|ANSA|EFE|Europa Press|Bloomberg News|KCNA|IRNA|
Tasnim|ISNA|WAFA|Ukrinform|UNIAN|Bernama|Antara|Canadian Press|Australian Associated Press|
AAP|Press Association|PA Media|UPI|United Press International|Al Jazeera|BBC|CNN|
Deutsche Welle|DW|NPR|PBS|ABC News|CBS News|NBC News|Fox News|MSNBC|Sky News|France 24|Euronews|
Sputnik|CGTN|New York Times|Washington Post|Wall Street Journal|Financial Times|The Guardian|
The Economist|Le Monde|Der Spiegel|Die Zeit|Süddeutsche Zeitung|Frankfurter Allgemeine Zeitung|
El País|Corriere della Sera|Haaretz|Times of Israel|The Hindu|Times of India|
South China Morning Post|Global Times|People's Daily|Asahi Shimbun|Yomiuri Shimbun|Nikkei|
Politico|Axios|BuzzFeed News|HuffPost|The Atlantic|The New Yorker|Newsweek|USA Today|
Los Angeles Times|Chicago Tribune|Daily Mail|The Telegraph|The Independent|TOLOnews|Tolo News|
Pajhwok"""

# Companies whose names are not personal names either.
COMPANIES = """Google|Alphabet|Microsoft|Facebook|Instagram|WhatsApp|Twitter|SpaceX|Uber|Lyft|
Airbnb|Netflix|Spotify|Reddit|TikTok|ByteDance|Snapchat|LinkedIn|YouTube|Nvidia|Intel|AMD|IBM|
Samsung|Huawei|Xiaomi|Alibaba|Tencent|Baidu|Toyota|Volkswagen|BMW|Mercedes-Benz|Siemens|
Deutsche Bank|Allianz|Lufthansa|Airbus|Boeing|Lockheed Martin|Raytheon|General Motors|
Stellantis|ExxonMobil|Gazprom|Rosneft|Saudi Aramco|Aramco|JPMorgan|JPMorgan Chase|Citigroup|
HSBC|Barclays|UBS|Credit Suisse|BlackRock|Walmart|Nestlé|Nestle|Unilever|Pfizer|Moderna|
AstraZeneca|BioNTech|Novartis|Coca-Cola|PepsiCo|Starbucks|Adidas|OpenAI|DeepMind|Yahoo|eBay|
PayPal|Mastercard|Qualcomm|TSMC|ASML|Ericsson|Vodafone|Deutsche Telekom|Verizon|AT&T|Comcast|
Tesco|IKEA|Ikea|Inditex|LVMH|FedEx|Maersk|Qatar Airways|Ryanair|easyJet|Delta Air Lines|
United Airlines|American Airlines"""

# Bodies, institutions, armed and political groups, and companies that share a name with
# people or things ("Ford", "Tesla", "Amazon"): the model's PERSON reading is kept for these.
BODIES = """United Nations|UN|U.N.|UN Security Council|Security Council|UN General Assembly|
UNICEF|UNHCR|UNESCO|UNDP|World Food Programme|WFP|World Health Organization|WHO|
International Monetary Fund|IMF|World Bank|World Trade Organization|WTO|NATO|
North Atlantic Treaty Organization|European Union|EU|European Commission|European Parliament|
European Council|European Central Bank|ECB|Council of Europe|OSCE|African Union|ASEAN|
Arab League|Gulf Cooperation Council|GCC|OPEC|G7|G20|BRICS|Interpol|Europol|
International Criminal Court|ICC|International Court of Justice|ICJ|
International Atomic Energy Agency|IAEA|Red Cross|International Committee of the Red Cross|
ICRC|Red Crescent|Amnesty International|Human Rights Watch|Doctors Without Borders|
Médecins Sans Frontières|MSF|Oxfam|Greenpeace|Save the Children|Transparency International|
Reporters Without Borders|Committee to Protect Journalists|International Olympic Committee|IOC|
FIFA|UEFA|Federal Reserve|Bank of England|Bank of Japan|People's Bank of China|Pentagon|
State Department|Department of Defense|Department of Justice|Justice Department|
Department of Homeland Security|FBI|CIA|NSA|NASA|Congress|US Congress|Senate|
House of Representatives|Supreme Court|White House|Kremlin|Bundestag|Bundeswehr|Knesset|
State Duma|House of Commons|House of Lords|Downing Street|Elysee|Élysée|IDF|
Israel Defense Forces|Mossad|Shin Bet|KGB|FSB|GRU|MI5|MI6|Scotland Yard|Revolutionary Guards|
Islamic Revolutionary Guard Corps|IRGC|Quds Force|Wagner Group|Taliban|al-Qaida|al-Qaeda|
al Qaeda|al Qaida|Islamic State|ISIS|ISIL|Daesh|Hezbollah|Hamas|Islamic Jihad|Houthis|
Boko Haram|al-Shabab|al-Shabaab|Haqqani network|Lashkar-e-Taiba|Jaish-e-Mohammed|
Tehrik-i-Taliban Pakistan|PKK|YPG|Syrian Democratic Forces|Hayat Tahrir al-Sham|HTS|Fatah|
Muslim Brotherhood|FARC|Democratic Party|Republican Party|GOP|Labour Party|Conservative Party|
Liberal Democrats|SNP|CDU|CSU|SPD|AfD|Likud|BJP|Indian National Congress|ANC|Communist Party|
Chinese Communist Party|CCP|United Russia|Sinn Fein|Sinn Féin|Fidesz|Apple|Amazon|Meta|Tesla|
Ford Motor|Ford|Dell|Sony|Honda|Nissan|Renault|Peugeot|Fiat|Ferrari|Porsche|Shell|BP|Exxon|
Chevron|TotalEnergies|Goldman Sachs|Morgan Stanley|Johnson & Johnson|Roche|Bayer|BASF|
McDonald's|Nike|Disney|Warner Bros|Paramount|Anthropic|Visa|Nokia|Zara|H&M|Gucci|Rolex|DHL|
Emirates|Bloomberg"""

# Places that are also common personal names or surnames: for these the model's PERSON
# reading is kept ("Jordan scored"). Other places overrule a PERSON reading ("Chechnya").
PERSON_LIKE_PLACES = frozenset(
    """Jordan|Chad|Georgia|Israel|India|Kingston|Santiago|Florence|
Austin|Dallas|Houston|Phoenix|Sofia|Lima|Paris|London|Adelaide|Alexandria|Sydney|Virginia|
Indiana|Montana|Dakota|Tyre|Denver|Cleveland|Nashville|Milan|Wellington|Berlin|Lyon|Boston|
Bristol|Oxford|Cambridge|Preston|Hamilton|Aden|Medina|Salvador|Orlando|Charlotte|Regina|
Victoria|Chelsea|Kent|Lincoln|Jackson|Madison|Columbus|Sidon|Kyiv|Georgetown|Washington|
Columbia|Bolivia|America|Savannah|Helena|Augusta|Florida|Nevada|Carolina|Dakota|Asia|Africa|
Europa|Sinai|Tigris|Ganges|Nile|Niger|Congo|Mali|Benin|Togo|Samoa|Tonga|Palau|Nauru|Oman|
Qatar|Sudan|Kosovo|Malta|Cuba|Peru|Chile|Iran|Iraq|Laos|Fiji|Haiti|Guinea|Gambia|Jersey""".replace(
        "\n", ""
    ).split("|")
)

LISTS = [
    # Places: 'force' unless the name is in PERSON_LIKE_PLACES or has several words (a
    # multi-word model PERSON span that equals a place name is rare and left to the model).
    (
        "places-countries.tsv",
        "Countries, territories, continents, regions, seas, rivers, mountain ranges.",
        COUNTRIES,
        "PLACE",
        False,
    ),
    (
        "places-capitals.tsv",
        "National capitals and other seats of government.",
        CAPITALS,
        "PLACE",
        False,
    ),
    ("places-cities.tsv", "Large and often reported cities.", CITIES, "PLACE", False),
    (
        "places-provinces.tsv",
        "First-level divisions: US states; provinces of Afghanistan, "
        "Pakistan, Iraq, Syria, Ukraine; some of Russia, China, India, Canada, Australia, "
        "Germany, Spain, Italy, France, Belgium, the Philippines, Indonesia, Myanmar, Ethiopia, "
        "Nigeria, DR Congo, Mozambique, Sudan, Japan, Mexico, Brazil.",
        PROVINCES,
        "PLACE",
        False,
    ),
    ("orgs-media.tsv", "News agencies, broadcasters and major newspapers.", MEDIA, "ORG", True),
    (
        "orgs-companies.tsv",
        "Large companies whose names are not personal names.",
        COMPANIES,
        "ORG",
        True,
    ),
    (
        "orgs-bodies.tsv",
        "International bodies, state institutions, armed and political groups, "
        "parties, and companies named like people or things.",
        BODIES,
        "ORG",
        False,
    ),
]


def names_of(block: str) -> list[str]:
    seen: dict[str, None] = {}
    for name in block.replace("\n", "").split("|"):
        if name.strip():
            seen.setdefault(name.strip(), None)
    return list(seen)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for file_name, description, block, label, force in LISTS:
        lines = [
            f"# {description}",
            "# Format: name<TAB>type[<TAB>force]; 'force' lets this type win over the model's",
            "# PERSON. Written for Archival Reader by scripts/ner/write_gazetteer.py from general",
            "# knowledge; no name comes from a test set.",
        ]
        for name in names_of(block):
            if label == "PLACE":
                flag = "" if name in PERSON_LIKE_PLACES or " " in name else "\tforce"
            else:
                flag = "\tforce" if force else ""
            lines.append(f"{name}\t{label}{flag}")
        (OUT / file_name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{file_name}: {len(lines) - 4} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
