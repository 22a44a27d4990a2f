#!/usr/bin/env python3
"""Generates the sample department's register of data-sharing agreements.

Writes, next to datasets.csv:
  external-organisations.csv  invented non-government counterparties (code,name_en,name_tc)
  agreements.csv              the data-sharing agreements

Deterministic: the agreements are a literal list below, written in reference order; the only variable part, the
signing dates (a few days to weeks before each agreement took effect), comes from a fixed seed. "Today" is 2026-11-29.
Before writing, every row is checked against organisations.csv, datasets.csv, decisions.csv and the hk-government
scheme (the importer's rules); any violation is printed and the script exits 1 without writing.

    python3 sample-data/tools/generate_agreements.py
"""

import csv
import io
import os
import random
import re
import sys
from collections import Counter
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
ROOT = os.path.dirname(DATA)
SCHEME = os.path.join(ROOT, 'src', 'main', 'resources', 'org', 'custodian', 'schemes', 'hk-government.yaml')
TODAY = date(2026, 11, 29)
SEED = 20261129

HEADER = ['reference', 'title', 'type', 'status', 'status_since', 'purpose', 'legal_basis', 'legal_basis_note',
          'parties', 'datasets', 'personal_data_categories', 'data_subjects', 'classification_ceiling', 'mechanism',
          'frequency', 'security_measures', 'retention_disposal', 'onward_sharing', 'breach_notification',
          'rights_contact', 'cross_boundary', 'destinations', 'transfer_mechanism', 'safeguards',
          'transfer_assessment', 'effective_from', 'expires_on', 'review_due', 'termination_conditions']
# short keys used in the literal list below -> column names
KEYS = {'ref': 'reference', 'since': 'status_since', 'basis': 'legal_basis', 'note': 'legal_basis_note',
        'pdc': 'personal_data_categories', 'subj': 'data_subjects', 'ceil': 'classification_ceiling',
        'mech': 'mechanism', 'freq': 'frequency', 'sec': 'security_measures', 'ret': 'retention_disposal',
        'onward': 'onward_sharing', 'breach': 'breach_notification', 'rights': 'rights_contact',
        'dest': 'destinations', 'tm': 'transfer_mechanism', 'safe': 'safeguards', 'tia': 'transfer_assessment',
        'eff': 'effective_from', 'exp': 'expires_on', 'rev': 'review_due', 'term': 'termination_conditions'}

TYPES = ['inter-departmental-api', 'consented-exchange', 'commercial-interchange', 'cross-boundary-transfer',
         'contractor-processor', 'open-data-release', 'other']
STATUSES = ['draft', 'under-negotiation', 'active', 'suspended', 'expired', 'terminated']
LISTS = {'personal_data_categories', 'data_subjects', 'destinations'}
SIGNED = {'active', 'suspended', 'expired', 'terminated'}
BASES = ['statutory-function', 'consent', 'pdpo-exemption', 'contract', 'other']
ROLES = {'provider', 'recipient', 'joint-controller', 'processor'}
MECHANISMS = ['api', 'gateway', 'secure-file-transfer', 'physical-media', 'other']
FREQUENCIES = ['real-time', 'hourly', 'daily', 'weekly', 'fortnightly', 'monthly', 'quarterly', 'half-yearly',
               'annually', 'irregular']
TRANSFER = ['model-clauses-user-to-user', 'model-clauses-user-to-processor', 'gba-standard-contract', 'consent',
            'other']

EXTERNAL = [
    ('ext-harbour-bank', 'Harbour Commercial Bank Limited', '海港商業銀行有限公司'),
    ('ext-peninsula-bank', 'Peninsula Savings Bank (Hong Kong) Limited', '半島儲蓄銀行（香港）有限公司'),
    ('ext-lionrock-credit', 'Lion Rock Credit Reference Services Limited', '獅子山信貸資料服務有限公司'),
    ('ext-kowloon-systems', 'Kowloon Bay Systems Integration Limited', '九龍灣系統集成有限公司'),
    ('ext-tidewater-cloud', 'Tidewater Cloud Services (Hong Kong) Limited', '潮汐雲端服務（香港）有限公司'),
    ('ext-vh-university', 'Victoria Harbour University, Urban Data Research Unit', '維港大學城市數據研究組'),
    ('ext-jade-hospital', 'Jade Hill Hospital Group', '翠峰醫院集團'),
    ('ext-gz-riverside-health', 'Guangzhou Riverside Cross-boundary Health Information Centre', '廣州江濱跨境衞生信息中心'),
    ('ext-sz-bayview-hospital', 'Shenzhen Bayview International Hospital', '深圳灣景國際醫院'),
    ('ext-sz-hongyun', 'Shenzhen Hongyun Customer Services Co., Ltd.', '深圳市鴻雲客戶服務有限公司'),
    ('ext-mo-clearance-office', 'Macao Automated Clearance Coordination Office', '澳門自助通關協調辦公室'),
    ('ext-gd-prd-weather', 'Pearl River Estuary Regional Weather Data Centre', '珠江口區域氣象數據中心'),
]

# Defaults by type, used where an agreement does not say otherwise.
BREACH = {
    'internal': 'Recipient reports to the provider\'s Departmental IT Security Officer within 24 hours of discovery; '
                'the provider decides, with the recipient, whether to notify the PCPD and the data subjects.',
    'external': 'Counterparty notifies the department within 24 hours of discovery and helps contain it; the '
                'department notifies the PCPD and affected individuals where there is a real risk of harm.',
    'processor': 'Processor notifies the department within 12 hours of discovery, preserves logs and follows the '
                 'department\'s instructions; the department decides on notifying the PCPD and data subjects.',
}
TERMINATION = {
    'inter-departmental-api': 'Either party on three months\' written notice; the provider may suspend access at once '
                              'on evidence of misuse.',
    'consented-exchange': 'Either party on three months\' notice; ends at once if the gateway onboarding is withdrawn; '
                          'a data subject may withdraw consent at any time for future exchanges.',
    'commercial-interchange': 'Six months\' written notice by either party, or immediately for material breach not '
                              'remedied within 30 days.',
    'cross-boundary-transfer': 'Either party on three months\' notice; transfers stop at once if the safeguards can '
                               'no longer be met or the counterparty breaches the contract clauses.',
    'contractor-processor': 'Ends with the services contract; the department may terminate for breach of the data '
                            'protection clauses; all data returned or destroyed within 30 days.',
    'open-data-release': 'Either party on one month\'s notice; datasets may be withdrawn individually.',
    'other': 'Either party on three months\' written notice.',
}

A = dict  # one agreement; keys are column names or the short keys in KEYS
AGREEMENTS = [
    # ---- inter-departmental-api --------------------------------------------------------------------------------
    A(ref='DSA-2023-004', title='Vehicle Owner Look-up for Traffic Enforcement', type='inter-departmental-api',
      status='active', since='2023-07-01', eff='2023-07-01', exp='2027-06-30', rev='2026-12-01',
      purpose='Lets police officers look up the registered owner of a vehicle from its registration mark when issuing '
              'fixed penalty tickets and investigating traffic offences. Replaces the nightly bulk extract with '
              'on-demand queries so that only the records actually needed leave the register.',
      basis='statutory-function', note='Statutory functions of the Commissioner for Transport and the Commissioner of '
      'Police under the Road Traffic Ordinance (Cap. 374) and the Fixed Penalty (Traffic Contraventions) Ordinance',
      parties=[('provider', 'hk-td', 'Leung Wai-man (Assistant Commissioner for Transport)'),
               ('recipient', 'hk-hkpf', 'Cheung Kwok-wing (Chief Superintendent, Traffic Branch Headquarters)')],
      datasets='TD-VL-0001 (registration mark, registered owner name, owner address, vehicle class, licence expiry)',
      pdc='name;address;vehicle registration', subj='registered vehicle owners', ceil='CONFIDENTIAL', mech='api',
      freq='real-time',
      sec='Queries only from the Police traffic enforcement system over the Government Network with mutual TLS; each '
          'query carries the officer\'s number and a case reference; TD audits a 1% sample of queries every quarter.',
      ret='Returned records are kept with the case file under the Police records schedule; no local copy of the '
          'register; TD keeps query logs for two years.',
      onward='Only to the Department of Justice and the courts for prosecution; anything else needs TD\'s written '
             'agreement.'),
    A(ref='DSA-2022-011', title='Identity Verification for Social Security Applications', type='inter-departmental-api',
      status='active', since='2022-02-15', eff='2022-02-15', exp='2027-01-15', rev='2027-01-05',
      purpose='Lets Social Security Field Units confirm that the identity card number, name and date of birth given '
              'by a CSSA or Social Security Allowance applicant match the registration of persons records. The '
              'service answers match or no match, with a date of death where one is recorded, never the full record.',
      basis='statutory-function', note='Administration of the CSSA and SSA Schemes by SWD; disclosure by ImmD within '
      'the purposes allowed under the Registration of Persons Ordinance (Cap. 177)',
      parties=[('provider', 'hk-immd', 'Lau Siu-fung (Assistant Director, Personal Documentation)'),
               ('recipient', 'hk-swd', 'Yip Mei-ling (Assistant Director, Social Security)')],
      datasets='IMMD-ROP-0001 (HKID number, name in English, name in Chinese, date of birth, date of death)',
      pdc='name;HKID number;date of birth', subj='social security applicants;social security recipients',
      ceil='CONFIDENTIAL', mech='api', freq='real-time',
      sec='Match-only interface; queries rate-limited per officer; records of every query kept for audit by ImmD.',
      ret='SWD keeps the match result on the case file for the life of the case plus seven years; no identity '
          'data are cached.', onward='None.'),
    A(ref='DSA-2021-006', title='CSSA Status Check for Public Housing Rent Assistance', type='inter-departmental-api',
      status='active', since='2021-09-01', eff='2021-09-01', exp='2027-08-31', rev='2026-12-10',
      purpose='Tells the Housing Department whether a public rental housing tenant is a current CSSA recipient, so '
              'that rent met by the CSSA rent allowance is not also granted under the Rent Assistance Scheme and '
              'arrears cases are referred to the right social worker.',
      basis='statutory-function', note='Functions of the Hong Kong Housing Authority under the Housing Ordinance '
      '(Cap. 283); CSSA applicants are told of the disclosure in the personal information collection statement',
      parties=[('provider', 'hk-swd', 'Kwan Pui-shan (Chief Social Security Officer)'),
               ('recipient', 'hk-housing', 'Ng Chi-keung (Assistant Director of Housing, Estate Management)')],
      datasets='SWD-CSSA-0001 (HKID number, case status, rent allowance amount, case effective date)',
      pdc='HKID number;financial information', subj='CSSA recipients living in public rental housing',
      ceil='CONFIDENTIAL', mech='api', freq='daily',
      ret='Housing keeps the status flag only while the rent assistance application is open, then deletes it.',
      onward='None outside the Housing Department.'),
    A(ref='DSA-2026-014', title='Income Matching for the Well-off Tenants Policies (proposal)',
      type='inter-departmental-api', status='draft', since='2026-10-12', eff='2027-04-01', exp='2030-03-31',
      rev='2028-03-31',
      purpose='Proposed annual matching of the household income declared by public housing tenants against salaries '
              'tax assessments, to pick declarations for in-depth checks. Only a match flag and the assessed '
              'income band would come back to Housing.',
      basis='consent', note='Inland Revenue Ordinance (Cap. 112) secrecy provisions allow disclosure only with the '
      'taxpayer\'s written consent; consent clause to be added to the declaration form; DoJ advice awaited',
      parties=[('provider', 'hk-ird'), ('recipient', 'hk-housing')],
      datasets='IRD-SAL-0001 (HKID number, year of assessment, assessable income band)',
      pdc='HKID number;financial information', subj='public rental housing tenants and household members',
      ceil='CONFIDENTIAL', mech='secure-file-transfer', freq='annually',
      sec='To be agreed: encrypted file exchange, hashed identifiers, matching run inside IRD.',
      ret='Proposed: match results deleted once the declaration is closed.', onward='None.'),
    A(ref='DSA-2024-003', title='Vector-borne Disease Case Addresses for Mosquito Control', type='inter-departmental-api',
      status='active', since='2024-01-02', eff='2024-01-02', exp='2026-12-14', rev='2026-10-15',
      purpose='Passes the home and workplace addresses of notified dengue fever, Japanese encephalitis and other '
              'vector-borne disease cases to the Pest Control Advisory Section within one working day, so that '
              'mosquito control and site inspections start around the places the patient has been.',
      basis='pdpo-exemption', note='PDPO s. 59 (health); notification functions under the Prevention and Control of '
      'Disease Ordinance (Cap. 599)',
      parties=[('provider', 'hk-dh', 'Dr Fung Hoi-yan (Controller, Centre for Health Protection)'),
               ('recipient', 'hk-fehd', 'Ho Wing-sze (Assistant Director, Environmental Hygiene)')],
      datasets='DH-NID-0002 (case reference, disease, onset date, residential address, workplace address)',
      pdc='address;health records', subj='notified infectious disease cases', ceil='CONFIDENTIAL', mech='api',
      freq='daily', ret='FEHD deletes addresses 60 days after the last control action at the site.',
      onward='District pest control contractors receive the location only, without the disease or the case.'),
    A(ref='DSA-2023-009', title='Employment Assistance Records for Able-bodied CSSA Recipients',
      type='inter-departmental-api', status='active', since='2023-02-15', eff='2023-02-15', exp='2027-02-14',
      rev='2027-01-31',
      purpose='Shares the employment service registration and placement results of CSSA recipients referred to the '
              'Labour Department, so that SWD can follow their participation in the Integrated Employment '
              'Assistance Programme for Self-reliance.',
      basis='statutory-function', note='Employment-related conditions of the CSSA Scheme; LD employment services; '
      'recipients are told of the exchange when referred',
      parties=[('provider', 'hk-ld', 'Tse Hiu-tung (Assistant Commissioner for Labour, Employment Services)'),
               ('recipient', 'hk-swd', 'Yip Mei-ling (Assistant Director, Social Security)')],
      datasets='LD-EMP-0002 (HKID number, registration date, job referrals, placement outcome)',
      pdc='HKID number;employment records', subj='CSSA recipients referred for employment assistance',
      ceil='CONFIDENTIAL', mech='api', freq='weekly',
      ret='Kept on the CSSA case file; destroyed seven years after the case closes.', onward='None.'),
    A(ref='DSA-2020-002', title='Ambulance Patient Pre-arrival Information to Accident and Emergency',
      type='inter-departmental-api', status='active', since='2020-07-01', eff='2020-07-01', exp='2028-06-30',
      rev='2027-06-30',
      purpose='Sends the ambulance patient record (chief complaint, vital signs, treatment given and expected arrival '
              'time) to the receiving Accident and Emergency department while the ambulance is on its way, so that '
              'triage can begin before handover.',
      basis='statutory-function', note='Ambulance service under the Fire Services Ordinance (Cap. 95); disclosure to '
      'the treating hospital is directly related to the purpose of collection',
      parties=[('provider', 'hk-fsd', 'Chow Man-kit (Chief Ambulance Officer)'),
               ('recipient', 'hospital', 'Dr Szeto Wai-lun (Cluster Chief Executive)')],
      datasets='FSD-AMB-0001 (incident number, patient name, age, chief complaint, vital signs, treatment given)',
      pdc='name;health records', subj='ambulance patients', ceil='CONFIDENTIAL', mech='api', freq='real-time',
      sec='Dedicated link between the ambulance mobile data system and the A&E triage system; records readable only '
          'by the receiving department; access logs reviewed monthly by both parties.',
      ret='Becomes part of the hospital medical record and follows its retention schedule.',
      onward='Within the Hospital Authority for the patient\'s care only.'),
    A(ref='DSA-2022-017', title='Joint Referral of Unauthorised Building Works on Government Land',
      type='inter-departmental-api', status='active', since='2022-11-01', eff='2022-11-01', exp='2026-10-31',
      rev='2026-05-01',
      purpose='Lets the Buildings Department and the Lands Department pass each other complaints about structures '
              'that are both unauthorised building works and unlawful occupation of government land, so that one '
              'joint inspection is arranged instead of two.',
      basis='statutory-function', note='Enforcement functions under the Buildings Ordinance (Cap. 123) and the Land '
      '(Miscellaneous Provisions) Ordinance (Cap. 28)',
      parties=[('joint-controller', 'hk-bd', 'Mak Tsz-chun (Assistant Director, Existing Buildings)'),
               ('joint-controller', 'hk-landsd', 'Yau Ka-lok (Assistant Director, Lands Administration)')],
      datasets='BD-UBW-0001 (complaint reference, location, complainant name, complainant telephone, photographs);'
               'LANDSD-CTRL-0001 (case reference, location, occupier name, site photographs)',
      pdc='name;telephone number;address;images', subj='complainants;occupiers of government land;building owners',
      ceil='RESTRICTED', mech='api', freq='daily',
      ret='Each department keeps referred cases under its own enforcement records schedule; complainant details are '
          'removed once the joint inspection is done.',
      onward='None; the complainant\'s identity is never disclosed to the occupier.',
      rights='Access Officer, Buildings Department (dpo@bd.example.gov.hk) for both departments'),
    A(ref='DSA-2025-008', title='Smoky Vehicle Reports for Licence Cancellation', type='inter-departmental-api',
      status='active', since='2025-04-01', eff='2025-04-01', exp='2028-03-31', rev='2026-10-01',
      purpose='Sends the registration marks of vehicles reported by accredited spotters for excessive smoke, with the '
              'date of the emission test notice and the test result, so that TD can cancel the licence of a vehicle '
              'that is not tested or fails within the period allowed.',
      basis='statutory-function', note='Smoky vehicle control under the Air Pollution Control Ordinance (Cap. 311); '
      'vehicle licensing under the Road Traffic Ordinance (Cap. 374)',
      parties=[('provider', 'hk-epd', 'Kwok Yin-ting (Principal Environmental Protection Officer, Mobile Source)'),
               ('recipient', 'hk-td', 'Leung Wai-man (Assistant Commissioner for Transport)')],
      datasets='EPD-SMOKE-0001 (registration mark, date of report, test notice date, test result)',
      pdc='vehicle registration', subj='registered owners of reported vehicles', ceil='RESTRICTED', mech='api',
      freq='daily', ret='TD keeps the notice on the vehicle file for two years.', onward='None.'),
    # ---- consented-exchange -------------------------------------------------------------------------------------
    A(ref='DSA-2024-012', title='Consented Business Registration Details for Corporate Account Opening',
      type='consented-exchange', status='active', since='2024-06-03', eff='2024-06-03', exp='2027-06-02',
      rev='2027-03-01',
      purpose='When a business owner opening an account with Harbour Commercial Bank consents through the Consented '
              'Data Exchange Gateway, the gateway passes the business registration particulars to the bank, so the '
              'customer need not upload a copy of the certificate.',
      basis='consent', note='Express, purpose-specific consent given by the data subject in the gateway for each '
      'request; the gateway keeps the consent record',
      parties=[('provider', 'hk-ird', 'Chu Wing-kei (Assistant Commissioner, Business Registration)'),
               ('processor', 'hk-dpo', 'Lo Hiu-fai (Chief Systems Manager, Gateway Services)'),
               ('recipient', 'ext-harbour-bank', 'Vivian Tong (Head of Business Banking Operations)')],
      datasets='IRD-BR-0001 (BR number, business name, business address, nature of business, expiry date, '
               'proprietor name)',
      pdc='name;address', subj='sole proprietors and partners who consent', ceil='RESTRICTED', mech='gateway',
      freq='real-time',
      sec='Customer signs in with iAM Smart and approves each request; single-use consent token; data released only '
          'to the bank\'s registered endpoint; no bulk retrieval.',
      ret='Bank keeps the particulars as customer due diligence records for at least five years after the account '
          'closes; the gateway keeps transaction logs, not content, for two years.',
      onward='None, except to the HKMA on supervisory request or as required by law.'),
    A(ref='DSA-2025-005', title='Consented Travel Vaccination History for Private Travel Clinics',
      type='consented-exchange', status='active', since='2025-03-03', eff='2025-03-03', exp='2028-02-29',
      rev='2027-03-01',
      purpose='A patient at a Jade Hill Hospital Group travel clinic can authorise, through the gateway, release of '
              'the vaccinations recorded at the Department of Health Travel Health Centres, so that doses already '
              'given are not repeated.',
      basis='consent', note='Patient\'s express consent in the gateway; consent can be withdrawn at any time',
      parties=[('provider', 'hk-dh', 'Dr Wan Sze-man (Principal Medical and Health Officer, Port Health)'),
               ('processor', 'hk-dpo', 'Lo Hiu-fai (Chief Systems Manager, Gateway Services)'),
               ('recipient', 'ext-jade-hospital', 'Dr Eric Lam (Medical Director)')],
      datasets='DH-PORT-0002 (name, date of birth, vaccine, dose number, date given)',
      pdc='name;date of birth;health records', subj='travellers vaccinated at DH Travel Health Centres',
      ceil='RESTRICTED', mech='gateway', freq='real-time',
      ret='Added to the clinic\'s medical record and kept under its retention policy.',
      onward='None outside the treating clinic.'),
    A(ref='DSA-2026-009', title='Electrical Worker Registration Checks for Estate Maintenance Contractors',
      type='consented-exchange', status='under-negotiation', since='2026-08-20', eff='2027-01-04', exp='2029-12-31',
      rev='2028-01-04',
      purpose='Would let workers on Housing Authority maintenance contracts consent, through the gateway, to EMSD '
              'confirming their registered electrical worker grade and expiry date when assigned to estate works, '
              'instead of contractors photocopying registration cards.',
      # No legal basis yet: the parties still disagree whether consent or Housing's statutory function applies, so
      # the findings report personal data shared without a legal basis.
      note='Not settled: EMSD proposes the worker\'s consent at each assignment; Housing argues its statutory '
           'function as landlord applies',
      parties=[('provider', 'hk-emsd'), ('processor', 'hk-dpo'), ('recipient', 'hk-housing')],
      datasets='EMSD-REW-0001 (name, registration number, grade, expiry date)', pdc='name;employment records',
      subj='registered electrical workers employed by Housing Authority contractors', ceil='RESTRICTED',
      mech='gateway', freq='irregular', ret='Under discussion: Housing proposes keeping the result for the contract '
      'period; EMSD asks for 12 months.', onward='Under discussion.'),
    A(ref='DSA-2026-016', title='Smart Water Meter Readings for Household Water Saving Research',
      type='consented-exchange', status='draft', since='2026-11-02', eff='2027-03-01', exp='2029-02-28',
      rev='2028-03-01',
      purpose='Draft arrangement for households in the smart meter rollout to share their hourly consumption with a '
              'university research unit studying water-saving behaviour. Households would opt in through the '
              'gateway; WSD is assessing whether addresses need to be released at all.',
      basis='consent', note='Opt-in consent of the account holder through the gateway',
      parties=[('provider', 'hk-wsd'), ('processor', 'hk-dpo'), ('recipient', 'ext-vh-university')],
      datasets='WSD-AMR-0001 (meter reference, hourly consumption, district metering area, address)', pdc='address',
      subj='water account holders who opt in', ceil='RESTRICTED', mech='gateway', freq='monthly',
      ret='Proposed: deleted at the end of the study or after three years, whichever is earlier.',
      onward='Proposed: none; publications to contain aggregates only.'),
    # ---- commercial-interchange ---------------------------------------------------------------------------------
    A(ref='DSA-2021-013', title='Autopay Instructions and Direct Debit Results for Water Charges',
      type='commercial-interchange', status='active', since='2021-04-01', eff='2021-04-01', exp='2027-03-31',
      rev='2027-01-31',
      purpose='Exchanges direct debit authorisations, bill amounts and debit results between WSD and Harbour '
              'Commercial Bank, so that water charges are settled by autopay and failed debits are followed up.',
      basis='contract', note='Banking services contract for collecting water charges; customers\' direct debit '
      'authorisations',
      parties=[('provider', 'hk-wsd', 'Yuen Kin-hang (Chief Treasury Accountant)'),
               ('recipient', 'ext-harbour-bank', 'Raymond Ip (Head of Transaction Banking)')],
      datasets='WSD-ACC-0001 (account number, account holder name, bill amount, due date, debit authorisation '
               'reference)',
      pdc='name;financial information', subj='water account holders paying by autopay', ceil='CONFIDENTIAL',
      mech='secure-file-transfer', freq='daily',
      sec='PGP-encrypted batch files over a dedicated SFTP link; files signed and checksummed; the bank\'s access '
          'limited to named operations staff.',
      ret='Bank keeps transaction files for seven years under banking record rules; WSD keeps them with its '
          'accounting records.', onward='None; the bank may not use the data for marketing.'),
    A(ref='DSA-2019-004', title='Digital Map and Lot Boundary Licence for Collateral Valuation',
      type='commercial-interchange', status='expired', since='2026-04-01', eff='2019-04-01', exp='2026-03-31',
      rev='2025-10-01',
      purpose='Supplied the bank\'s collateral valuation unit with digital topographic maps and lot boundaries under '
              'a commercial licence, to locate mortgaged properties. Not renewed: both datasets are now free on the '
              'public sector open data portal.',
      basis='contract', note='Commercial licence for the supply of digital map data',
      parties=[('provider', 'hk-landsd', 'Siu Chun-wai (Chief Land Surveyor, Survey and Mapping Office)'),
               ('recipient', 'ext-peninsula-bank', 'Karen Mok (Head of Property Valuation)')],
      datasets='LANDSD-MAP-0001;LANDSD-LOT-0001', ceil='UNCLASSIFIED', mech='secure-file-transfer',
      freq='quarterly', sec='Licensed copies watermarked; delivery over SFTP.',
      ret='Bank may keep copies received under the licence for its own records.', onward='Not allowed.',
      breach='Not applicable (no personal data); loss of licensed copies reported to LandsD within five working days.',
      rights='Survey and Mapping Office, Lands Department (smo@landsd.example.gov.hk)'),
    A(ref='DSA-2023-015', title='URBTIX Card Payment Reconciliation with the Merchant Acquirer',
      type='commercial-interchange', status='active', since='2023-01-04', eff='2023-01-04', exp='2027-01-03',
      rev='2026-12-31',
      purpose='Matches URBTIX card transactions against the acquiring bank\'s settlement files each day, so that '
              'refunds, chargebacks and failed payments for cultural programme tickets are reconciled.',
      basis='contract', note='Merchant acquiring services contract for URBTIX',
      parties=[('provider', 'hk-lcsd', 'Chan Hoi-ling (Chief Executive Officer, Ticketing)'),
               ('recipient', 'ext-peninsula-bank', 'Derek Fong (Director, Merchant Services)')],
      datasets='LCSD-TICKET-0001 (transaction reference, masked card number, amount, transaction time, patron name)',
      pdc='name;financial information', subj='URBTIX patrons paying by card', ceil='RESTRICTED',
      mech='secure-file-transfer', freq='daily',
      ret='Settlement files kept seven years by both parties under accounting rules.',
      onward='Card schemes only, for chargeback handling.'),
    A(ref='DSA-2024-019', title='Home Ownership Scheme Purchaser Particulars for Mortgage Default Guarantee',
      type='commercial-interchange', status='suspended', since='2026-10-20', eff='2024-09-02', exp='2027-08-31',
      rev='2026-09-01',
      purpose='Gives the bank the particulars of Home Ownership Scheme purchasers approved for a mortgage default '
              'guarantee, so that the loan drawn down matches the approved purchaser and flat.',
      basis='contract', note='Deed of guarantee between the Housing Authority, the bank and the purchaser; '
      'purchasers agree to the disclosure in the sale application',
      parties=[('provider', 'hk-housing', 'Wong Siu-kuen (Assistant Director of Housing, Subsidised Housing)'),
               ('recipient', 'ext-harbour-bank', 'Grace Cheng (Head of Mortgage Operations)')],
      datasets='HD-HOS-0001 (application number, purchaser name, HKID number, flat address, approved loan amount)',
      pdc='name;HKID number;address;financial information', subj='Home Ownership Scheme purchasers',
      ceil='CONFIDENTIAL', mech='secure-file-transfer', freq='weekly',
      sec='Encrypted files over SFTP to a named account. Transfers suspended on 20 October 2026 after a file was '
          'sent to an unregistered account; to resume after the bank\'s remediation is audited.',
      ret='Bank keeps the particulars for the life of the loan plus seven years.', onward='None.'),
    A(ref='DSA-2022-021', title='Business Registration Extract for Commercial Credit Reports (pilot)',
      type='commercial-interchange', status='terminated', since='2024-06-30', eff='2022-07-04', exp='2025-07-03',
      rev='2023-07-04',
      purpose='Pilot supply of a monthly extract of new and ceased business registrations to a credit reference '
              'agency to improve SME credit reports. Ended early after a review found the agency could obtain the '
              'same particulars from the public search service.',
      basis='contract', note='Pilot data supply agreement covering particulars open to public search',
      parties=[('provider', 'hk-ird', 'Chu Wing-kei (Assistant Commissioner, Business Registration)'),
               ('recipient', 'ext-lionrock-credit', 'Patrick Yeung (Chief Operating Officer)')],
      datasets='IRD-BR-0001 (BR number, business name, business address, commencement date, cessation date)',
      pdc='name;address', subj='business proprietors', ceil='RESTRICTED', mech='secure-file-transfer',
      freq='monthly', ret='Agency certified destruction of all extracts on 15 July 2024.',
      onward='Credit reports to the agency\'s members only.'),
    # ---- cross-boundary-transfer --------------------------------------------------------------------------------
    A(ref='DSA-2024-021', title='Port Health Case Information for Cross-boundary Contact Tracing',
      type='cross-boundary-transfer', status='active', since='2024-10-02', eff='2024-10-02', exp='2027-09-30',
      rev='2026-12-18',
      purpose='Sends details of travellers found at boundary control points to have a notifiable infectious disease, '
              'who travelled from or on to Guangzhou, so that contact tracing is coordinated on both sides.',
      basis='statutory-function', note='Prevention and Control of Disease Ordinance (Cap. 599) and the International '
      'Health Regulations (2005)',
      parties=[('provider', 'hk-dh', 'Dr Wan Sze-man (Principal Medical and Health Officer, Port Health)'),
               ('recipient', 'ext-gz-riverside-health', 'Zhou Wenjie (Deputy Director)')],
      datasets='DH-PORT-0001 (name, telephone number, arrival date, control point, suspected disease)',
      pdc='name;telephone number;health records', subj='travellers under port health inspection',
      ceil='CONFIDENTIAL', mech='secure-file-transfer', freq='daily',
      ret='Recipient deletes records 28 days after the case is closed and confirms deletion quarterly.',
      onward='Mainland health authorities in Guangzhou for contact tracing only.',
      dest='Guangzhou, Guangdong', tm='gba-standard-contract',
      safe='GBA standard contract signed and filed; use limited to contact tracing; encryption in transit and at '
           'rest; annual compliance report from the recipient.', tia='TIA-2024-006'),
    A(ref='DSA-2025-011', title='Hosting of the Community Weather Observation Platform with Offshore Recovery Site',
      type='cross-boundary-transfer', status='active', since='2025-02-27', eff='2025-02-27', exp='2027-02-26',
      rev='2027-01-15',
      purpose='Tidewater Cloud hosts the platform where volunteer observers upload readings and photographs, with '
              'encrypted backups copied to its Singapore region for disaster recovery.',
      basis='contract', note='Outsourced hosting contract; processing only on HKO\'s documented instructions (PDPO '
      'DPP 2(3) and DPP 4(2))',
      parties=[('provider', 'hk-hko', 'Lee Tsz-wai (Assistant Director, Corporate Services)'),
               ('processor', 'ext-tidewater-cloud', 'Samuel Kwan (Managing Director)')],
      datasets='HKO-CWOS-0001 (participant name, telephone number, station location, observation readings)',
      pdc='name;telephone number;location data', subj='volunteer weather observers', ceil='RESTRICTED', mech='api',
      freq='real-time', ret='Backups rotated every 35 days; all copies destroyed within 30 days of contract end.',
      onward='Sub-processors listed in the contract only.', breach=BREACH['processor'],
      dest='Singapore', tm='model-clauses-user-to-processor',
      safe='PCPD model clauses (data user to data processor) in the hosting contract; keys held in Hong Kong; no '
           'offshore staff access without HKO approval.', tia='TIA-2025-002'),
    A(ref='DSA-2023-018', title='Mutual Recognition of Automated Clearance Enrolment with Macao',
      type='cross-boundary-transfer', status='active', since='2023-05-15', eff='2023-05-15', exp='2028-05-14',
      rev='2027-05-14',
      purpose='Exchanges the enrolment particulars and facial templates of Hong Kong residents who have enrolled for '
              'automated clearance in Macao, so that they can use e-Channels on both sides without enrolling again.',
      basis='consent', note='Express consent given by the resident when enrolling for the mutual recognition scheme',
      parties=[('provider', 'hk-immd', 'Lau Siu-fung (Assistant Director, Personal Documentation)'),
               ('recipient', 'ext-mo-clearance-office', 'Leong Kam-io (Coordinator)')],
      datasets='IMMD-HZMB-0001 (name, date of birth, travel document number, facial template, enrolment validity)',
      pdc='name;date of birth;images', subj='Hong Kong residents enrolled for mutual recognition',
      ceil='CONFIDENTIAL', mech='secure-file-transfer', freq='daily',
      ret='Deleted by the recipient within 30 days of de-enrolment or expiry of the travel document.',
      onward='None.', dest='Macao SAR', tm='model-clauses-user-to-user',
      safe='PCPD model clauses (data user to data user) in the exchange arrangement; templates used only for '
           'clearance; reciprocal audit rights.', tia='TIA-2023-004'),
    A(ref='DSA-2026-012', title='Health Summaries for Elders Treated in Shenzhen under the Voucher Pilot',
      type='cross-boundary-transfer', status='under-negotiation', since='2026-06-15', eff='2027-04-01',
      exp='2030-03-31', rev='2028-04-01',
      purpose='Would let Elderly Health Centre members treated at Shenzhen Bayview International Hospital authorise '
              'the transfer of a health summary (allergies, chronic conditions, current medication), so that the '
              'hospital can treat them safely.',
      basis='consent', note='Patient\'s signed consent for each episode of care',
      parties=[('provider', 'hk-dh'), ('recipient', 'ext-sz-bayview-hospital')],
      datasets='DH-CLINIC-0001 (name, HKID number, date of birth, allergies, chronic conditions, current medication)',
      pdc='name;HKID number;date of birth;health records', subj='elderly health centre members',
      ceil='CONFIDENTIAL', mech='secure-file-transfer', freq='irregular',
      ret='Proposed: kept with the hospital\'s medical record under Mainland medical records rules.',
      # The safeguards are not yet agreed (the hospital has not accepted the standard contract's audit clause), so the
      # findings report a cross-boundary transfer without safeguards while it is negotiated.
      onward='Under discussion.', dest='Shenzhen, Guangdong', tm='gba-standard-contract', tia='TIA-2026-001'),
    # ---- contractor-processor -----------------------------------------------------------------------------------
    A(ref='DSA-2024-015', title='Data Migration for the Social Security Payment System Replacement',
      type='contractor-processor', status='active', since='2024-07-02', eff='2024-07-02', exp='2027-12-31',
      rev='2027-01-10',
      purpose='Gives the contractor\'s project team access to Social Security Allowance recipient records in the SWD '
              'migration environment, to move the payment system to the new platform and reconcile migrated '
              'balances.',
      basis='contract', note='IT services contract; processing only on SWD\'s documented instructions (PDPO DPP 2(3) '
      'and DPP 4(2))',
      parties=[('provider', 'hk-swd', 'Tam Wai-keung (Chief Systems Manager)'),
               ('processor', 'ext-kowloon-systems', 'Jason Leung (Project Director)')],
      datasets='SWD-SSA-0001 (HKID number, name, date of birth, allowance type, payment account)',
      pdc='name;HKID number;date of birth;financial information', subj='Social Security Allowance recipients',
      ceil='CONFIDENTIAL', mech='secure-file-transfer', freq='irregular',
      sec='Work only inside SWD premises on SWD-managed workstations; named and vetted staff; data masked outside '
          'the final reconciliation runs.',
      ret='Migration copies destroyed within 30 days of system acceptance, with a destruction certificate.',
      onward='None; no sub-contracting without SWD approval.', breach=BREACH['processor']),
    A(ref='DSA-2022-013', title='Hosting and Operation of the Leisure Facility Booking Platform',
      type='contractor-processor', status='active', since='2022-12-28', eff='2022-12-28', exp='2026-12-27',
      rev='2026-06-28',
      purpose='Tidewater Cloud hosts and runs the booking engine for sports and recreation facilities, processing '
              'hirers\' particulars and payment records only to run bookings, balloting and refunds for LCSD.',
      basis='contract', note='Platform services contract with data processing clauses',
      parties=[('provider', 'hk-lcsd', 'Cheng Ka-yan (Chief Leisure Manager, Booking Services)'),
               ('processor', 'ext-tidewater-cloud', 'Samuel Kwan (Managing Director)')],
      datasets='LCSD-BOOK-0001 (hirer name, partial HKID number, telephone number, booking details, payment '
               'reference)',
      pdc='name;HKID number;telephone number;financial information', subj='leisure facility hirers',
      ceil='RESTRICTED', mech='api', freq='real-time',
      ret='Booking records kept 24 months, then purged; backups age out within 35 days.',
      onward='Payment service provider only, for card payments.', breach=BREACH['processor']),
    A(ref='DSA-2022-019', title='Overflow Handling of the Tenant Hotline by an Offshore Call Centre',
      type='contractor-processor', status='terminated', since='2024-03-31', eff='2022-10-03', exp='2025-09-30',
      rev='2023-10-03',
      purpose='Outsourced overflow handling of the tenant hotline, with call agents in Shenzhen logging complaints '
              'into the tenant complaint system. Ended early when the hotline was brought back in-house.',
      basis='contract', note='Call centre services contract with data processing clauses',
      parties=[('provider', 'hk-housing', 'Ng Chi-keung (Assistant Director of Housing, Estate Management)'),
               ('processor', 'ext-sz-hongyun', 'Zhang Lihua (General Manager)')],
      datasets='HD-COMPLAINT-0001 (caller name, telephone number, estate and flat, complaint details)',
      pdc='name;telephone number;address', subj='public housing tenants calling the hotline', ceil='RESTRICTED',
      mech='api', freq='real-time',
      sec='Agents worked through virtual desktops hosted in Hong Kong; no local storage; screen capture disabled.',
      ret='No data held by the contractor after termination; access revoked on 31 March 2024.', onward='None.',
      breach=BREACH['processor'], dest='Shenzhen, Guangdong', tm='model-clauses-user-to-processor',
      safe='PCPD model clauses (data user to data processor); remote access only, data kept in Hong Kong; quarterly '
           'audit of agent access.', tia='TIA-2022-007'),
    A(ref='DSA-2025-014', title='Fleet Telematics Analytics for Government Vehicles', type='contractor-processor',
      status='suspended', since='2026-09-08', eff='2025-05-02', exp='2028-04-30', rev='2026-11-01',
      purpose='The contractor analyses government vehicle telematics to produce fuel efficiency and utilisation '
              'reports for client departments. Suspended after the analytics workspace was found reachable from '
              'the internet; resumes after an independent security assessment.',
      basis='contract', note='Analytics services contract; drivers told of telematics use in fleet circulars',
      parties=[('provider', 'hk-emsd', 'Wong Sze-ki (Chief Engineer)'),
               ('processor', 'ext-kowloon-systems', 'Jason Leung (Project Director)')],
      datasets='EMSD-FLEET-0001 (vehicle registration, trip start and end, GPS track, driver staff number)',
      pdc='location data;vehicle registration;employment records', subj='government drivers', ceil='RESTRICTED',
      mech='api', freq='daily', ret='Trip data kept 12 months; reports keep no driver identifiers.',
      onward='None.', breach=BREACH['processor']),
    # ---- open-data-release --------------------------------------------------------------------------------------
    A(ref='DSA-2020-008', title='Real-time Traffic Feeds on the Public Sector Open Data Portal',
      type='open-data-release', status='active', since='2020-03-02', eff='2020-03-02', rev='2027-03-02',
      purpose='Publishes journey time, traffic speed and car park vacancy feeds on DATA.GOV.HK through the portal '
              'API, free for reuse by the public and app developers.',
      basis='other', note='Government open data policy; TD annual open data plan',
      parties=[('provider', 'hk-td', 'Ho Chun-kit (Senior Systems Manager)'),
               ('recipient', 'hk-dpo', 'Chiu Ka-wai (Assistant Government Chief Information Officer)')],
      datasets='TD-JTI-0001;TD-SPEED-0001;TD-PARK-0001', ceil='UNCLASSIFIED', mech='api', freq='real-time',
      sec='Integrity checks on each feed; portal monitors availability.',
      ret='Portal keeps historical archives of the feeds.', onward='Unrestricted reuse under the portal\'s terms.',
      breach='Provider tells the portal team at once if a feed is found to carry data it should not, and the feed is '
             'withdrawn until fixed.'),
    A(ref='DSA-2019-010', title='Weather Observations, Forecasts and Warnings as Open Data', type='open-data-release',
      status='active', since='2019-06-03', eff='2019-06-03', rev='2026-06-03',
      purpose='Releases current weather reports, the 9-day forecast, warnings and rainfall on DATA.GOV.HK for free '
              'reuse, including by weather apps and media.',
      basis='other', note='Government open data policy; HKO annual open data plan',
      parties=[('provider', 'hk-hko', 'Lee Tsz-wai (Assistant Director, Corporate Services)'),
               ('recipient', 'hk-dpo', 'Chiu Ka-wai (Assistant Government Chief Information Officer)')],
      datasets='HKO-CWR-0001;HKO-FCST-0001;HKO-WARN-0001;HKO-RAIN-0001', ceil='UNCLASSIFIED', mech='api',
      freq='real-time', sec='Feeds signed at source; portal caches behind its content delivery network.',
      ret='Portal keeps historical data as published.', onward='Unrestricted reuse under the portal\'s terms.',
      breach='Not applicable (no personal data); incidents affecting feed integrity reported to HKO at once.'),
    A(ref='DSA-2025-017', title='Air Quality and Beach Water Quality Open Data', type='open-data-release',
      status='active', since='2025-07-02', eff='2025-07-02', exp='2028-07-01', rev='2027-07-02',
      purpose='Publishes the Air Quality Health Index, hourly pollutant concentrations and beach water quality '
              'gradings on the open data portal.',
      basis='other', note='Government open data policy; EPD annual open data plan',
      parties=[('provider', 'hk-epd', 'Kwok Yin-ting (Principal Environmental Protection Officer, Mobile Source)'),
               ('recipient', 'hk-dpo', 'Chiu Ka-wai (Assistant Government Chief Information Officer)')],
      datasets='EPD-AQHI-0001;EPD-AQ-0001;EPD-WQ-0002', ceil='UNCLASSIFIED', mech='api', freq='hourly',
      sec='Validated data only; provisional figures labelled as such.', ret='Kept on the portal indefinitely.',
      onward='Unrestricted reuse under the portal\'s terms.', breach='Not applicable (no personal data).'),
    # ---- other --------------------------------------------------------------------------------------------------
    A(ref='DSA-2024-009', title='Licensed Census Microdata for a Commuting Patterns Study', type='other',
      status='active', since='2024-03-01', eff='2024-03-01', exp='2027-08-31', rev='2026-03-01',
      purpose='Licenses the five per cent census and household survey microdata to a university research unit for a '
              'study of the commuting patterns of new town residents. Results are published only as aggregates '
              'cleared by C&SD.',
      basis='contract', note='Microdata licence; confidentiality duties under the Census and Statistics Ordinance '
      '(Cap. 316)',
      parties=[('provider', 'hk-censtatd', 'Pang Ching-yee (Chief Statistician)'),
               ('recipient', 'ext-vh-university', 'Prof. Helen Yuen (Director, Urban Data Research Unit)')],
      datasets='CENSTATD-MICRO-0001 (record identifier, district, age group, occupation group, place of work, mode '
               'of transport)',
      ceil='RESTRICTED', mech='secure-file-transfer', freq='irregular',
      sec='Standalone encrypted workstation in a locked room; named researchers only; no linking with other data.',
      ret='Returned or destroyed at the end of the licence, with a certificate.',
      onward='None; outputs checked by C&SD before publication.', breach=BREACH['external'],
      rights='Statistical Information Services, C&SD (microdata@censtatd.example.gov.hk)'),
    A(ref='DSA-2023-002', title='Control Network Diagrams for Critical Infrastructure Protection', type='other',
      status='active', since='2023-03-01', eff='2023-03-01', exp='2027-12-31', rev='2027-03-01',
      purpose='Provides the Security Bureau\'s critical infrastructure protection team with control network diagrams '
              'of building services at designated government installations, for vulnerability assessment and '
              'contingency planning.',
      basis='statutory-function', note='Security Bureau policy responsibility for critical infrastructure protection; '
      'handling of classified material under the Security Regulations',
      parties=[('provider', 'hk-emsd', 'Wong Sze-ki (Chief Engineer)'),
               ('recipient', 'hk-sb', 'Kan Yuk-lun (Principal Assistant Secretary for Security)')],
      datasets='EMSD-CI-0001', ceil='SECRET', mech='physical-media', freq='irregular',
      sec='Encrypted media in sealed double envelopes, hand-carried by cleared officers; receipts signed; each copy '
          'numbered and registered; read only on a stand-alone terminal.',
      ret='Copies returned to EMSD when superseded; destruction witnessed and recorded.', onward='Not allowed.',
      breach='Loss or compromise reported at once to both Departmental Security Officers and handled under the '
             'Security Regulations.', rights='Departmental Security Officer, EMSD (dso@emsd.example.gov.hk)'),
    A(ref='DSA-2018-003', title='Regional Meteorological Observation Exchange', type='other', status='expired',
      since='2025-07-01', eff='2018-07-02', exp='2025-06-30', rev='2021-07-02',
      purpose='Exchanged surface and upper-air observations with a regional weather data centre in Guangdong to '
              'support forecasting across the Pearl River Estuary. Lapsed when the exchange moved to the '
              'bureau-level meteorological co-operation arrangement.',
      basis='other', note='Technical co-operation arrangement between meteorological services',
      parties=[('provider', 'hk-hko', 'Tam Lok-yi (Scientific Officer)'),
               ('recipient', 'ext-gd-prd-weather', 'Huang Jianguo (Director)')],
      datasets='HKO-GBA-0001 (station identifier, observation time, temperature, pressure, wind)',
      ceil='RESTRICTED', mech='api', freq='hourly', sec='Dedicated encrypted link; data validated on receipt.',
      ret='Each side keeps observations as part of its climate record.',
      onward='Only as derived forecast products.',
      breach='Not applicable (no personal data); a compromise of the link is reported to the other side at once.',
      dest='Guangzhou, Guangdong', tm='other',
      safe='No personal data; use limited to forecasting and research; raw data not republished.'),
]

DOMAIN = {'hospital': 'ha.example.org.hk'}


def rank_table():
    """Levels (lowest first) and their allowed mechanisms, read from the bundled hk-government scheme."""
    text = open(SCHEME, encoding='utf-8').read()
    codes = re.findall(r'^  - code: (.+)$', text, re.M)
    mechs = [[m.strip() for m in s.split(',')] for s in re.findall(r'^\s+mechanisms: \[(.*)\]$', text, re.M)]
    if not codes or len(codes) != len(mechs):
        sys.exit('cannot read levels and mechanisms from ' + SCHEME)
    return {c: i for i, c in enumerate(codes)}, dict(zip(codes, mechs))


def read_csv(name):
    with open(os.path.join(DATA, name), encoding='utf-8-sig', newline='') as f:
        return list(csv.DictReader(f))


def dataset_levels():
    """Level of each dataset: its last confirmed decision (latest effective_from; ties go to the later row)."""
    best = {}
    for i, r in enumerate(read_csv('decisions.csv')):
        if r['status'] == 'confirmed':
            key = (r['effective_from'] or '', i)
            if r['dataset_code'] not in best or key >= best[r['dataset_code']][0]:
                best[r['dataset_code']] = (key, r['level'])
    return {c: v[1] for c, v in best.items()}


def build(orgs):
    rng = random.Random(SEED)
    rows = []
    for a in AGREEMENTS:
        row = {KEYS.get(k, k): v for k, v in a.items() if k != 'parties'}
        eff = date.fromisoformat(row['effective_from'])
        parties = []
        for p in a['parties']:
            if len(p) == 3 and row['status'] in SIGNED:
                signed = eff - timedelta(days=rng.randint(3, 45))
                parties.append('%s:%s|%s|%s' % (p[0], p[1], p[2], signed.isoformat()))
            else:
                parties.append('%s:%s' % (p[0], p[1]))
        row['parties'] = ';'.join(parties)
        row['cross_boundary'] = 'yes' if row.get('destinations') else 'no'
        provider = next(p[1] for p in a['parties'] if p[0] in ('provider', 'joint-controller'))
        external = any(p[1].startswith('ext-') for p in a['parties'])
        row.setdefault('breach_notification', BREACH['external' if external else 'internal'])
        row.setdefault('termination_conditions', TERMINATION[row['type']])
        if row.get('personal_data_categories'):
            short = DOMAIN.get(provider, provider.replace('hk-', '') + '.example.gov.hk')
            row.setdefault('rights_contact', 'Personal Data Privacy Officer, %s (dpo@%s)' % (orgs[provider], short))
        rows.append({h: row.get(h, '') for h in HEADER})
        unknown = set(row) - set(HEADER)
        if unknown:
            sys.exit('%s: unknown keys %s' % (row['reference'], sorted(unknown)))
    return sorted(rows, key=lambda r: r['reference'])


def check(rows, orgs, datasets, levels, rank, allowed):
    errors = []
    for r in rows:
        ref = r['reference']
        err = lambda msg: errors.append('%s: %s' % (ref, msg))
        for f in ('reference', 'title', 'type', 'status', 'purpose'):                       # rule 1
            if not r[f].strip():
                err('%s is required' % f)
        if not re.fullmatch(r'[A-Za-z0-9._/-]{1,100}', ref):
            err('bad reference')
        for f, values in (('type', TYPES), ('status', STATUSES), ('legal_basis', BASES), ('mechanism', MECHANISMS),
                          ('frequency', FREQUENCIES), ('transfer_mechanism', TRANSFER),
                          ('classification_ceiling', list(rank))):
            if r[f] and r[f] not in values:
                err('%s %r not allowed' % (f, r[f]))
        if r['legal_basis'] == 'other' and not r['legal_basis_note']:
            err('legal_basis other needs a note')
        for f in HEADER:                                  # the importer's limits: 500 for short text and list entries
            short = f in ('title', 'rights_contact', 'transfer_assessment') or f in LISTS
            if any(len(v) > (500 if short else 20000) for v in (r[f].split(';') if f in LISTS else [r[f]])):
                err('%s too long' % f)
        dates = {}
        for f in ('status_since', 'effective_from', 'expires_on', 'review_due'):
            if r[f]:
                try:
                    dates[f] = date.fromisoformat(r[f])
                except ValueError:
                    err('%s is not a date' % f)
        eff = dates.get('effective_from')
        parties = []
        for entry in r['parties'].split(';') if r['parties'] else []:
            role, _, rest = entry.partition(':')
            bits = rest.split('|')
            if role not in ROLES or len(bits) not in (1, 3):
                err('bad party %r' % entry)
                continue
            if bits[0] not in orgs:                                                         # rule 7
                err('unknown organisation %s' % bits[0])
            if len(bits) == 3:
                if not bits[1] or ':' in bits[1] or not eff or date.fromisoformat(bits[2]) > eff:
                    err('bad signatory or signing date in %r' % entry)
            elif r['status'] in SIGNED:
                err('%s agreement without signatory for %s' % (r['status'], bits[0]))
            if (role, bits[0]) in parties:
                err('%s named twice as %s' % (bits[0], role))
            parties.append((role, bits[0]))
        codes = []
        for entry in r['datasets'].split(';') if r['datasets'] else []:
            m = re.fullmatch(r'([^ ()]+)(?: \(([^;()]+)\))?', entry)
            if not m:
                err('bad dataset entry %r' % entry)
                continue
            if m.group(1) in codes:
                err('dataset %s listed twice' % m.group(1))
            codes.append(m.group(1))
        if r['status'] == 'active':                                                         # rule 2
            if not any(p in ('provider', 'joint-controller') for p, _ in parties) or \
                    not any(p in ('recipient', 'joint-controller', 'processor') for p, _ in parties) or \
                    len({o for _, o in parties}) < 2:
                err('active agreement needs a providing and a receiving party (two organisations)')
            for f in ('legal_basis', 'datasets', 'classification_ceiling', 'mechanism'):
                if not r[f]:
                    err('active agreement needs %s' % f)
            if not (r['expires_on'] or r['review_due']):
                err('active agreement needs expires_on or review_due')
            if eff and dates.get('status_since', eff) < eff:
                err('status_since before effective_from')
        if r['type'] == 'cross-boundary-transfer' or r['cross_boundary'] == 'yes':         # rule 3
            for f in ('destinations', 'transfer_mechanism', 'safeguards'):
                if not r[f] and (f != 'safeguards' or r['status'] == 'active'):   # agreed while negotiating
                    err('cross-boundary agreement needs %s' % f)
        ceiling, mech = r['classification_ceiling'], r['mechanism']
        if ceiling in allowed and mech and mech not in allowed[ceiling]:
            err('mechanism %s not allowed at the ceiling %s' % (mech, ceiling))
        providers = {o for p, o in parties if p in ('provider', 'joint-controller')}
        for code in codes:
            if code not in datasets:                                                        # rule 7
                err('unknown dataset %s' % code)
                continue
            level = levels.get(code)
            if level is None:                                                               # rule 4
                err('dataset %s has no confirmed decision' % code)
                continue
            if not ceiling or rank[level] > rank.get(ceiling, -1):
                err('dataset %s at %s is above the ceiling %r' % (code, level, ceiling))
            if mech not in allowed[level]:
                err('dataset %s at %s does not allow %s' % (code, level, mech))
            if datasets[code]['contains_personal_data'] == 'yes' and not r['personal_data_categories']:
                err('dataset %s holds personal data but no categories are given' % code)    # rule 5
            if datasets[code]['department'] not in providers:
                err('dataset %s is not held by a providing party' % code)
            if datasets[code]['lifecycle_status'] != 'active':
                err('dataset %s is %s' % (code, datasets[code]['lifecycle_status']))
        for f in ('expires_on', 'review_due'):                                              # rule 6
            if f in dates and eff and dates[f] <= eff:
                err('%s is not after effective_from' % f)
    return errors


def check_shape(rows):
    """What the sample has to show (counts, soon-to-expire, the one expired-but-active agreement)."""
    errors = []
    types, statuses = Counter(r['type'] for r in rows), Counter(r['status'] for r in rows)
    if len(rows) < 30 or min(types[t] for t in TYPES) < 2 or types.most_common(1)[0][0] != 'inter-departmental-api':
        errors.append('type distribution %s' % dict(types))
    if any(statuses[s] < 2 for s in STATUSES) or statuses.most_common(1)[0][0] != 'active':
        errors.append('status distribution %s' % dict(statuses))
    b = buckets(rows)
    if any(len(b[k]) < 2 for k in ('expires <=30', 'expires 31-60', 'expires 61-90', 'review overdue',
                                   'review <=30')) or len(b['expired but active']) != 1:
        errors.append('buckets %s' % b)
    if sum(r['cross_boundary'] == 'yes' and r['personal_data_categories'] != '' for r in rows) < 3:
        errors.append('fewer than three cross-boundary agreements with personal data')
    return errors


def buckets(rows):
    out = {k: [] for k in ('expired but active', 'expires <=30', 'expires 31-60', 'expires 61-90', 'review overdue',
                           'review <=30')}
    for r in rows:
        if r['status'] != 'active':
            continue
        if r['expires_on']:
            days = (date.fromisoformat(r['expires_on']) - TODAY).days
            key = ('expired but active' if days < 0 else 'expires <=30' if days <= 30 else
                   'expires 31-60' if days <= 60 else 'expires 61-90' if days <= 90 else None)
            if key:
                out[key].append('%s (%s)' % (r['reference'], r['expires_on']))
        if r['review_due']:
            days = (date.fromisoformat(r['review_due']) - TODAY).days
            if days < 0 or days <= 30:
                out['review overdue' if days < 0 else 'review <=30'].append('%s (%s)' % (r['reference'],
                                                                                           r['review_due']))
    return out


def to_csv(header, rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator='\n')
    w.writerow(header)
    w.writerows([row[h] for h in header] if isinstance(row, dict) else row for row in rows)
    return out.getvalue()


def main():
    rank, allowed = rank_table()
    gov = {r['code']: r['name_en'] for r in read_csv('organisations.csv')}
    clash = [c for c, _, _ in EXTERNAL if c in gov or not re.fullmatch(r'[A-Za-z0-9._-]{1,64}', c)]
    orgs = dict(gov, **{c: en for c, en, _ in EXTERNAL})
    datasets = {r['code']: r for r in read_csv('datasets.csv')}
    rows = build(orgs)
    text = to_csv(HEADER, rows)
    reread = list(csv.DictReader(io.StringIO(text)))                   # check what will be written, as parsed
    errors = ['external organisation code %s clashes or is malformed' % c for c in clash]
    errors += check(reread, orgs, datasets, dataset_levels(), rank, allowed) + check_shape(reread)
    if len({r['reference'] for r in reread}) != len(reread):
        errors.append('duplicate reference')
    if errors:
        print('\n'.join(errors), file=sys.stderr)
        sys.exit(1)
    with open(os.path.join(DATA, 'external-organisations.csv'), 'w', encoding='utf-8', newline='') as f:
        f.write(to_csv(['code', 'name_en', 'name_tc'], EXTERNAL))
    with open(os.path.join(DATA, 'agreements.csv'), 'w', encoding='utf-8', newline='') as f:
        f.write(text)
    print('%d external organisations, %d agreements' % (len(EXTERNAL), len(reread)))
    print('types:', dict(sorted(Counter(r['type'] for r in reread).items())))
    print('statuses:', dict(sorted(Counter(r['status'] for r in reread).items())))
    for k, v in buckets(reread).items():
        print('%s: %s' % (k, ', '.join(v)))


if __name__ == '__main__':
    main()
