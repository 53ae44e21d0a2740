#!/usr/bin/env python3
"""Reference GN-model numbers from GNPy's own code (gnpy.core), for a C++ cross-check.

Usage:
    /usr/bin/python3 run_reference.py /path/to/oopt-gnpy-checkout [output_dir]

Only numpy, scipy and networkx are needed.  The GNPy YANG validator
(oopt_gnpy_libyang) is replaced by an empty stand-in module injected into
sys.modules (it is never exercised: only gnpy.core is used).

Lines are built directly from GNPy objects:
    Transceiver -> [Fiber -> Edfa] * N -> Transceiver
and propagated exactly as gnpy.topology.request.propagate() does (call each
element on the SpectralInformation, then Transceiver.update_snr(tx_osnr) on
the receiver).
"""
import os
import sys
import json
import types
import subprocess
from collections import namedtuple
from copy import deepcopy

if len(sys.argv) < 2:
    sys.exit(__doc__)
GNPY_SRC = os.path.abspath(sys.argv[1])
OUT_DIR = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.getcwd()
sys.path.insert(0, GNPY_SRC)

# ---- no-op stand-in for the YANG validator (not available here) -------------
if 'oopt_gnpy_libyang' not in sys.modules:
    sys.modules['oopt_gnpy_libyang'] = types.ModuleType('oopt_gnpy_libyang')

import numpy as np                                          # noqa: E402
from scipy.constants import h, c                            # noqa: E402
import gnpy                                                 # noqa: E402
from gnpy.core.elements import Transceiver, Fiber, Edfa     # noqa: E402
from gnpy.core.parameters import SimParams, DEFAULT_EDFA_CONFIG, EdfaParams  # noqa: E402
from gnpy.core.info import create_input_spectral_information  # noqa: E402
from gnpy.core.science_utils import NliSolver               # noqa: E402
from gnpy.core.utils import automatic_nch, lin2db, db2lin, dbm2watt  # noqa: E402

assert os.path.dirname(gnpy.__file__).startswith(GNPY_SRC), gnpy.__file__

try:
    GNPY_COMMIT = subprocess.check_output(['git', '-C', GNPY_SRC, 'rev-parse', 'HEAD'], text=True).strip()
    GNPY_DESCRIBE = subprocess.check_output(['git', '-C', GNPY_SRC, 'describe', '--tags', '--always'],
                                            text=True).strip()
except Exception:  # pragma: no cover
    GNPY_COMMIT, GNPY_DESCRIBE = 'unknown', 'unknown'

# Same namedtuple as gnpy.tools.json_io.Model_fg (fixed_gain NF model), defined here to avoid
# importing gnpy.tools.json_io (which pulls pandas/xlrd/openpyxl/libyang).
Model_fg = namedtuple('Model_fg', 'nf0')

# ---- simulation parameters: analytic GN model, no Raman ----------------------
SimParams.set_params({'nli_params': {'method': 'gn_model_analytic'},
                      'raman_params': {'flag': False}})
assert SimParams().nli_params.method == 'gn_model_analytic'
assert SimParams().raman_params.flag is False

# ---- spectrum ---------------------------------------------------------------
F_MIN, F_MAX, SPACING = 191.3e12, 196.1e12, 50e9    # GNPy SI default f_min/f_max
BAUD, ROLL_OFF = 32e9, 0.15
AMP_BAND = (DEFAULT_EDFA_CONFIG['f_min'], DEFAULT_EDFA_CONFIG['f_max'])  # 191.275e12 .. 196.125e12 (GNPy default)

PMD_COEF = 0.04e-12 / np.sqrt(1e3)   # 0.04 ps/sqrt(km) -> s/sqrt(m)


def fiber_params(length_km, loss_db_km, disp_s_m2, aeff_m2):
    return {
        'length': length_km, 'length_units': 'km',
        'loss_coef': loss_db_km,          # dB/km (scalar, frequency-flat)
        'dispersion': disp_s_m2,          # s/m^2 at ref_wavelength (1550 nm default), no slope given
        'effective_area': aeff_m2,        # m^2 -> gamma = 2*pi*n2/(lambda_ref*Aeff), n2 = 2.6e-20 (GNPy hard-coded)
        'pmd_coef': PMD_COEF,             # s/sqrt(m)
        'con_in': 0.0, 'con_out': 0.0, 'att_in': 0.0,
    }


def edfa_params(nf_db):
    p = deepcopy(EdfaParams.default_values)
    p.update({k: deepcopy(v) for k, v in DEFAULT_EDFA_CONFIG.items()})   # f_min/f_max/dgt/ripple 0
    p.update({
        'type_variety': f'flat_nf_{nf_db}', 'type_def': 'fixed_gain',
        'nf_model': Model_fg(nf0=nf_db), 'nf0': nf_db,
        'gain_flatmax': 40.0, 'gain_min': 0.0,   # gain_min below every gain used -> no input padding
        'p_max': 50.0,                           # high enough never to clamp the gain
        'nf_ripple': [0.0], 'gain_ripple': [0.0], 'tilt_ripple': 0,
        'pmd': 0, 'pdl': 0, 'out_voa_auto': False, 'allowed_for_design': True,
    })
    return p


def build_line(n_spans, length_km, loss_db_km, disp_s_m2, aeff_m2, nf_db):
    elements = [Transceiver(uid='trx_A')]
    for i in range(n_spans):
        fib = Fiber(uid=f'fiber_{i + 1}', params=fiber_params(length_km, loss_db_km, disp_s_m2, aeff_m2))
        fib.ref_pch_in_dbm = 0.0   # only used for printing (Fiber.__call__ needs a number)
        gain = float(fib.loss)     # gain = span loss
        amp = Edfa(uid=f'edfa_{i + 1}', params=edfa_params(nf_db),
                   operational={'gain_target': gain, 'tilt_target': 0.0, 'out_voa': 0.0, 'in_voa': 0.0})
        elements += [fib, amp]
    elements.append(Transceiver(uid='trx_B'))
    return elements


def propagate(elements, p_dbm, tx_osnr):
    si = create_input_spectral_information(f_min=F_MIN, f_max=F_MAX, roll_off=ROLL_OFF, baud_rate=BAUD,
                                           spacing=SPACING, tx_osnr=tx_osnr, tx_power=dbm2watt(p_dbm))
    n0 = si.number_of_channels
    for el in elements:
        si = el(si)
    assert si.number_of_channels == n0, 'channels were filtered out by an amplifier band'
    # exactly as gnpy.topology.request.propagate(): no ROADM, so roadm_osnr == [si.tx_osnr]
    elements[0].update_snr(si.tx_osnr)
    elements[-1].update_snr(si.tx_osnr)
    return si, elements[-1]


def nli_coefficients(fib, f, alpha, beta2, gamma):
    """eta[i, j] in 1/W^2: P_NLI,i of one span = sum_j P_i P_j^2 eta[i, j] (GNPy's _gn_analytic and _psi)."""
    n = f.size
    L = fib.params.length
    Leff = (1 - np.exp(-alpha * L)) / alpha
    La = 1 / alpha
    df = f[None, :] - f[:, None]
    b2 = np.abs((beta2[:, None] + beta2[None, :]) / 2)
    psi = (np.arcsinh(np.pi ** 2 * La[None, :] * b2 * BAUD * (df + BAUD / 2))
           - np.arcsinh(np.pi ** 2 * La[None, :] * b2 * BAUD * (df - BAUD / 2))) / 2
    psi *= Leff[None, :] ** 2 / (2 * np.pi * b2 * La[None, :])
    w = np.full((n, n), 2 * 16 / 27)
    np.fill_diagonal(w, 16 / 27)
    return gamma[:, None] ** 2 * w * psi / BAUD ** 2


def independent_gn(line, p_dbm, n_ch_freqs):
    """Textbook re-implementation (numpy) of the same closed form, for the C++ side:
    P_ASE,k = n_amp * h f NF G Rs, P_NLI,k = n_span * sum_j eta_kj P^3, every span launched at exactly P,
    no signal depletion, no power creep. Gamma(f) and beta2 are taken from GNPy's Fiber object."""
    fib = line['_fiber_obj']
    f = n_ch_freqs
    alpha = fib.alpha(f)
    beta2 = fib.beta2(f)
    gamma = fib.gamma(f)
    eta = nli_coefficients(fib, f, alpha, beta2, gamma)
    P = dbm2watt(p_dbm)
    nli_span = (eta * P ** 3).sum(axis=1)
    G = db2lin(fib.loss)
    ase_amp = h * f * db2lin(line['nf']) * G * BAUD
    N = line['n']
    snr_ase = P / (N * ase_amp)
    snr_nli = P / (N * nli_span)
    gsnr = 1 / (1 / snr_ase + 1 / snr_nli)
    return lin2db(gsnr), lin2db(snr_ase), lin2db(snr_nli)


def gnpy_replica(line, p_dbm):
    """Numpy replica of GNPy's exact per-span bookkeeping (gnpy.core.info.SpectralInformation ratios):
    NLI computed with the *total* per-channel power (signal+ASE+NLI) at each span input, transferred from the
    signal ratio (add_nli); ASE h*f*NF*Rs added at amplifier input (add_ase), then gain G on total power.
    Returns raw (no tx_osnr) GSNR, SNR_ASE, SNR_NLI in the signal bandwidth, all channels."""
    fib = line['_fiber_obj']
    f = line['_freqs']
    n = f.size
    alpha = fib.alpha(f)
    gamma = fib.gamma(f)
    beta2 = fib.beta2(f)
    eta = nli_coefficients(fib, f, alpha, beta2, gamma)
    pch = np.full(n, dbm2watt(p_dbm))
    s, a, q = np.ones(n), np.zeros(n), np.zeros(n)
    G = db2lin(fib.loss)
    for _ in range(line['n']):
        nli = pch * (eta * pch[None, :] ** 2).sum(axis=1)
        r = nli / pch
        s *= 1 - r
        a *= 1 - r
        q = q * (1 - r) + r
        pch = pch * np.exp(-alpha * fib.params.length)
        ase = h * BAUD * f * db2lin(line['nf'])
        new = pch + ase
        s *= pch / new
        q *= pch / new
        a = (a * pch + ase) / new
        pch = new * G
    return lin2db(s / (a + q)), lin2db(s / a), lin2db(s / q)


LINES = {
    'a': dict(desc='1 x 80 km SSMF', n=1, L=80.0, loss=0.2, D=1.67e-5, aeff=83e-12, nf=5.5, p=[0.0]),
    'b': dict(desc='10 x 80 km SSMF', n=10, L=80.0, loss=0.2, D=1.67e-5, aeff=83e-12, nf=5.5, p=[0.0]),
    'c': dict(desc='20 x 100 km SSMF', n=20, L=100.0, loss=0.2, D=1.67e-5, aeff=83e-12, nf=5.5, p=[0.0]),
    'd': dict(desc='25 x 79 km SSMF (1975 km)', n=25, L=79.0, loss=0.2, D=1.67e-5, aeff=83e-12, nf=5.5,
              p=[0.0]),
    'e': dict(desc='214 x 59.813 km submarine-like (12800 km)', n=214, L=59.813, loss=0.16, D=2.0e-5,
              aeff=125e-12, nf=4.5, p=[-3.0, 0.0]),
}
TX_OSNRS = [40.0, 100.0]


def channel_record(si, rx, idx, p_dbm, tx_osnr):
    return {
        'ch_number': int(si.channel_number[idx]),
        'f_THz': float(si.frequency[idx] * 1e-12),
        'launch_dBm': p_dbm,
        'tx_osnr_dB': tx_osnr,
        # after Transceiver.update_snr(tx_osnr)
        'gsnr_01nm': float(rx.snr_01nm[idx]),
        'gsnr_bw': float(rx.snr[idx]),
        'osnr_ase_01nm': float(rx.osnr_ase_01nm[idx]),
        'osnr_ase_bw': float(rx.osnr_ase[idx]),
        # raw (no tx_osnr)
        'raw_gsnr_01nm': float(rx.raw_snr_01nm[idx]),
        'raw_gsnr_bw': float(rx.raw_snr[idx]),
        'raw_osnr_ase_01nm': float(rx.raw_osnr_ase_01nm[idx]),
        'raw_osnr_ase_bw': float(rx.raw_osnr_ase[idx]),
        # NLI only (update_snr never touches it)
        'snr_nli_bw': float(si.snr_nli_db[idx]),
        'snr_nli_01nm': float(si.opt_snr_nli_db[idx]),
        'cd_ps_nm': float(rx.chromatic_dispersion[idx]),
        'pmd_ps': float(rx.pmd[idx]),
        'latency_ms': float(rx.latency[idx]),
        'rx_total_pch_dBm': float(si.pch_dbm[idx]),
        'rx_signal_dBm': float(si.signal_dbm[idx]),
    }


def run():
    results = {'gnpy_commit': GNPY_COMMIT, 'gnpy_describe': GNPY_DESCRIBE, 'lines': {}, 'sweeps': {}}
    si0 = create_input_spectral_information(f_min=F_MIN, f_max=F_MAX, roll_off=ROLL_OFF, baud_rate=BAUD,
                                            spacing=SPACING, tx_osnr=40, tx_power=1e-3)
    freqs = si0.frequency
    nch = si0.number_of_channels
    i_c = int(np.argmin(np.abs(freqs - 193.5e12)))
    edges = [0, nch - 1]
    results['spectrum'] = {
        'automatic_nch': automatic_nch(F_MIN, F_MAX, SPACING), 'nch': nch,
        'f_first_THz': freqs[0] * 1e-12, 'f_last_THz': freqs[-1] * 1e-12,
        'centre_index': i_c, 'centre_f_THz': freqs[i_c] * 1e-12,
        'slot_width_GHz': float(si0.slot_width[0] * 1e-9), 'baud_GBd': BAUD * 1e-9, 'roll_off': ROLL_OFF,
        'amp_band_THz': [AMP_BAND[0] * 1e-12, AMP_BAND[1] * 1e-12],
    }

    for key, ln in LINES.items():
        elements = build_line(ln['n'], ln['L'], ln['loss'], ln['D'], ln['aeff'], ln['nf'])
        fib = elements[1]
        amp = elements[2]
        ln['_fiber_obj'] = fib
        ln['_freqs'] = freqs
        idx = [i_c] + edges
        rec = {'desc': ln['desc'], 'n_spans': ln['n'], 'span_km': ln['L'], 'runs': []}
        for p in ln['p']:
            for tx in TX_OSNRS:
                si, rx = propagate(elements, p, tx)
                for i in idx:
                    r = channel_record(si, rx, i, p, tx)
                    r['which'] = 'centre' if i == i_c else ('edge_low' if i == 0 else 'edge_high')
                    rec['runs'].append(r)
                if tx == TX_OSNRS[0]:
                    g, sa, sn = independent_gn(ln, p, freqs)
                    rec.setdefault('independent', []).append({
                        'launch_dBm': p,
                        **{f'{w}_{q}': float(v[i]) for i, w in zip(idx, ['centre', 'edge_low', 'edge_high'])
                           for q, v in (('gsnr_bw', g), ('snr_ase_bw', sa), ('snr_nli_bw', sn))}})
        # parameters, printed from the GNPy objects (after propagation so amp.nf is set)
        alpha = fib.alpha(fib.params.ref_frequency)
        f_sel = freqs[idx]
        rec['params'] = {
            'length_m': fib.params.length,
            'loss_coef_dB_per_m': float(fib.params.loss_coef),
            'span_loss_dB': float(fib.loss),
            'alpha_Np_per_m': float(alpha),
            'effective_length_m': float(NliSolver.effective_length(alpha, fib.params.length)),
            'asymptotic_length_m': float(1 / alpha),
            'ref_frequency_Hz': fib.params.ref_frequency,
            'ref_wavelength_m': fib.params.ref_wavelength,
            'dispersion_s_per_m2': float(fib.params.dispersion),
            'beta2_ref_s2_per_m': float(fib.beta2()),
            'beta2_at_sel_s2_per_m': [float(b) for b in fib.beta2(f_sel)],
            'gamma_ref_per_W_per_m': float(fib.params.gamma),
            'gamma_at_sel_per_W_per_m': [float(g) for g in fib.gamma(f_sel)],
            'effective_area_m2': float(fib.params._effective_area),
            'n2_m2_per_W': fib.params._n2, 'n1': fib.params._n1,
            'pmd_coef_s_per_sqrt_m': fib.params.pmd_coef,
            'fiber_pmd_s': float(fib.pmd),
            'fiber_latency_s': float(fib.params.latency),
            'fiber_cd_s_per_m': [float(x) for x in fib.chromatic_dispersion(f_sel)],
            'amp_type_def': amp.params.type_def,
            'amp_gain_target_dB': amp.operational.gain_target,
            'amp_effective_gain_dB': float(amp.effective_gain),
            'amp_gain_profile_sel_dB': [float(x) for x in amp.gprofile[idx]],
            'amp_nf_sel_dB': [float(x) for x in amp.nf[idx]],
            'amp_att_in_pad_dB': float(amp.att_in),
            'all_amp_gains_equal': bool(all(abs(e.effective_gain - amp.effective_gain) < 1e-12
                                            for e in elements if isinstance(e, Edfa))),
        }
        # full-spectrum arrays (0 dBm or first power, tx 40) for C++ regression
        si, rx = propagate(elements, ln['p'][-1] if key != 'e' else -3.0, 40.0)
        rec['per_channel'] = {'f_THz': list(map(float, si.frequency * 1e-12)),
                              'raw_gsnr_bw': list(map(float, rx.raw_snr)),
                              'raw_osnr_ase_bw': list(map(float, rx.raw_osnr_ase)),
                              'snr_nli_bw': list(map(float, si.snr_nli_db))}
        g, sa, sn = gnpy_replica(ln, ln['p'][-1] if key != 'e' else -3.0)
        rec['replica_max_abs_diff_dB'] = {
            'gsnr_bw': float(np.max(np.abs(g - rx.raw_snr))),
            'osnr_ase_bw': float(np.max(np.abs(sa - rx.raw_osnr_ase))),
            'snr_nli_bw': float(np.max(np.abs(sn - si.snr_nli_db)))}
        results['lines'][key] = rec

    # ---- launch-power sweeps -------------------------------------------------
    def sweep(key, powers, tx):
        ln = LINES[key]
        elements = build_line(ln['n'], ln['L'], ln['loss'], ln['D'], ln['aeff'], ln['nf'])
        out = []
        for p in powers:
            si, rx = propagate(elements, float(p), tx)
            out.append({'p_dBm': float(p), 'gsnr_bw': float(rx.snr[i_c]), 'gsnr_01nm': float(rx.snr_01nm[i_c]),
                        'raw_gsnr_bw': float(rx.raw_snr[i_c]), 'osnr_ase_01nm': float(rx.osnr_ase_01nm[i_c]),
                        'snr_nli_bw': float(si.snr_nli_db[i_c])})
        return out

    coarse = np.round(np.arange(-4.0, 4.0001, 0.5), 2)
    fine = np.round(np.arange(-4.0, 4.0001, 0.05), 2)
    for key in ('b', 'c'):
        for tx in TX_OSNRS:
            results['sweeps'][f'{key}_tx{tx:g}'] = sweep(key, coarse, tx)
            fs = sweep(key, fine, tx)
            best = max(fs, key=lambda r: r['gsnr_bw'])
            results['sweeps'][f'{key}_tx{tx:g}_fine_opt'] = best
    # line (e): GNPy has no optimum-power function -> numeric optimum from a GNPy sweep
    for tx in TX_OSNRS:
        fs = sweep('e', np.round(np.arange(-8.0, 2.0001, 0.05), 2), tx)
        best = max(fs, key=lambda r: r['gsnr_bw'])
        results['sweeps'][f'e_tx{tx:g}_fine_opt'] = best
        # full record at the optimum
        ln = LINES['e']
        elements = build_line(ln['n'], ln['L'], ln['loss'], ln['D'], ln['aeff'], ln['nf'])
        si, rx = propagate(elements, best['p_dBm'], tx)
        for i in [i_c] + edges:
            r = channel_record(si, rx, i, best['p_dBm'], tx)
            r['which'] = 'centre' if i == i_c else ('edge_low' if i == 0 else 'edge_high')
            r['note'] = 'numeric optimum of centre-channel GSNR (0.05 dB grid)'
            results['lines']['e']['runs'].append(r)

    for ln in LINES.values():
        ln.pop('_fiber_obj', None)
        ln.pop('_freqs', None)
    with open(os.path.join(OUT_DIR, 'results.json'), 'w') as fh:
        json.dump(results, fh, indent=1)
    return results


def f3(x):
    return f'{x:.3f}'


def write_markdown(res, path):
    sp = res['spectrum']
    L = []
    A = L.append
    A('# GNPy reference numbers (analytic GN model) for C++ cross-check\n')
    A(f"* GNPy commit: `{res['gnpy_commit']}` (`git describe`: `{res['gnpy_describe']}`), "
      'from github.com/Telecominfraproject/oopt-gnpy.')
    A('* Python: Debian `/usr/bin/python3` with Debian python3-numpy / python3-scipy / python3-networkx. '
      'Only `gnpy.core` is used; `oopt_gnpy_libyang` is replaced by an empty stand-in module (never called).')
    A('* Produced by `scripts/gnpy-reference/run_reference.py <gnpy checkout>`; '
      'raw numbers incl. all 96 channels in `results.json` beside this file.')
    A('* NLI method: `SimParams.set_params({"nli_params": {"method": "gn_model_analytic"}, '
      '"raman_params": {"flag": False}})` (no SRS, no GGN).\n')
    A('## Spectrum (as built by `gnpy.core.info.create_input_spectral_information`)\n')
    A(f"* f_min = 191.3 THz, f_max = 196.1 THz, spacing 50 GHz -> `automatic_nch` = **{sp['nch']} channels**, "
      f"f_k = f_min + k*50 GHz, k = 1..{sp['nch']}: **{sp['f_first_THz']:.2f} ... {sp['f_last_THz']:.2f} THz**.")
    A(f"* Centre channel (nearest 193.5 THz): **channel {sp['centre_index'] + 1}, {sp['centre_f_THz']:.3f} THz**. "
      f"Edge channels reported: channel 1 ({sp['f_first_THz']:.2f} THz) and channel {sp['nch']} "
      f"({sp['f_last_THz']:.2f} THz).")
    A(f"* 32 GBd, roll-off 0.15, slot width 50 GHz (roll-off and slot width are **not used** by "
      f"`gn_model_analytic`; only the baud rate is), 0 dBm/ch unless stated, all channels equal power.")
    A(f"* EDFA band (GNPy default `DEFAULT_EDFA_CONFIG`): {sp['amp_band_THz'][0]:.3f}-{sp['amp_band_THz'][1]:.3f} THz; "
      'all 96 channels pass the amplifier band filter (asserted).\n')

    A('## Parameters printed from the GNPy objects\n')
    A('| quantity | (a) 1x80 | (b) 10x80 | (c) 20x100 | (d) 25x79 | (e) 214x59.813 |')
    A('|---|---|---|---|---|---|')
    P = {k: v['params'] for k, v in res['lines'].items()}
    ks = ['a', 'b', 'c', 'd', 'e']

    def row(name, fn):
        A(f'| {name} | ' + ' | '.join(fn(P[k]) for k in ks) + ' |')
    row('span length L (m)', lambda p: f"{p['length_m']:.0f}")
    row('loss coef (dB/km)', lambda p: f"{p['loss_coef_dB_per_m'] * 1e3:.3f}")
    row('span loss = EDFA gain (dB)', lambda p: f"{p['span_loss_dB']:.5f}")
    row('alpha (Np/m)', lambda p: f"{p['alpha_Np_per_m']:.6e}")
    row('effective length Leff (m)', lambda p: f"{p['effective_length_m']:.3f}")
    row('asymptotic length 1/alpha (m)', lambda p: f"{p['asymptotic_length_m']:.3f}")
    row('D (s/m^2) @1550 nm', lambda p: f"{p['dispersion_s_per_m2']:.3e}")
    row('beta2 (s^2/m) (same at all ch.)', lambda p: f"{p['beta2_ref_s2_per_m']:.6e}")
    row('Aeff (um^2) @ ref', lambda p: f"{p['effective_area_m2'] * 1e12:.1f}")
    row('n2 (m^2/W), n1', lambda p: f"{p['n2_m2_per_W']:.2e}, {p['n1']}")
    row('gamma @1550 nm (1/W/km)', lambda p: f"{p['gamma_ref_per_W_per_m'] * 1e3:.6f}")
    row('gamma @193.50 THz (1/W/km)', lambda p: f"{p['gamma_at_sel_per_W_per_m'][0] * 1e3:.6f}")
    row('gamma @191.35 THz (1/W/km)', lambda p: f"{p['gamma_at_sel_per_W_per_m'][1] * 1e3:.6f}")
    row('gamma @196.10 THz (1/W/km)', lambda p: f"{p['gamma_at_sel_per_W_per_m'][2] * 1e3:.6f}")
    row('EDFA type_def / NF (dB)', lambda p: f"{p['amp_type_def']} / {p['amp_nf_sel_dB'][0]:.2f}")
    row('EDFA effective gain (dB)', lambda p: f"{p['amp_effective_gain_dB']:.5f}")
    row('gain profile c/lo/hi (dB)', lambda p: '/'.join(f'{x:.5f}' for x in p['amp_gain_profile_sel_dB']))
    row('EDFA input pad (dB)', lambda p: f"{p['amp_att_in_pad_dB']:.1f}")
    row('fibre CD per span (ps/nm)', lambda p: f"{p['fiber_cd_s_per_m'][0] * 1e3:.2f}")
    row('fibre PMD per span (ps)', lambda p: f"{p['fiber_pmd_s'] * 1e12:.4f}")
    row('fibre latency per span (us)', lambda p: f"{p['fiber_latency_s'] * 1e6:.4f}")
    A('')
    A('Reference frequency of the fibre parameters: f_ref = c/1550 nm = '
      f"{P['a']['ref_frequency_Hz'] * 1e-12:.6f} THz. PMD coefficient 0.04 ps/sqrt(km) = "
      f"{P['a']['pmd_coef_s_per_sqrt_m']:.6e} s/sqrt(m). con_in = con_out = att_in = 0.\n")

    A('## Results per line (centre and edge channels)\n')
    A('GSNR/OSNR columns "tx40" include tx_osnr = 40 dB (0.1 nm), "tx100" include tx_osnr = 100 dB '
      '(effectively infinite); "raw" = no transmitter contribution at all. '
      'SNR_NLI is unaffected by tx_osnr. CD / PMD / latency are identical for all channels.\n')
    A('| line | P (dBm) | ch | f (THz) | GSNR 0.1nm tx40 | GSNR 32G tx40 | GSNR 0.1nm tx100 | GSNR 32G tx100 '
      '| OSNR_ASE 0.1nm tx40 | OSNR_ASE 0.1nm tx100 | OSNR_ASE 0.1nm raw | SNR_NLI 0.1nm | SNR_NLI 32G '
      '| CD (ps/nm) | PMD (ps) | latency (ms) |')
    A('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
    for k in ks:
        rec = res['lines'][k]
        runs = rec['runs']
        keys = []
        for r in runs:
            kk = (r['launch_dBm'], r['which'], r.get('note'))
            if kk not in keys:
                keys.append(kk)
        for (p, which, note) in keys:
            r40 = next(r for r in runs if r['launch_dBm'] == p and r['which'] == which and r['tx_osnr_dB'] == 40
                       and r.get('note') == note)
            r100 = next(r for r in runs if r['launch_dBm'] == p and r['which'] == which and r['tx_osnr_dB'] == 100
                        and r.get('note') == note)
            pl = f'{p:g}' + (' (opt)' if note else '')
            A(f"| ({k}) | {pl} | {which} #{r40['ch_number']} | {r40['f_THz']:.2f} | {f3(r40['gsnr_01nm'])} "
              f"| {f3(r40['gsnr_bw'])} | {f3(r100['gsnr_01nm'])} | {f3(r100['gsnr_bw'])} "
              f"| {f3(r40['osnr_ase_01nm'])} | {f3(r100['osnr_ase_01nm'])} | {f3(r40['raw_osnr_ase_01nm'])} "
              f"| {f3(r40['snr_nli_01nm'])} | {f3(r40['snr_nli_bw'])} | {r40['cd_ps_nm']:.1f} "
              f"| {r40['pmd_ps']:.4f} | {r40['latency_ms']:.4f} |")
    A('')
    A('(e, opt) = numeric optimum of the centre-channel GSNR found by sweeping GNPy on a 0.05 dB grid '
      '(GNPy has no optimum-launch-power function; see notes).\n')

    A('## Launch-power sweeps, centre channel (193.50 THz), lines (b) and (c)\n')
    A('| P (dBm) | (b) GSNR 32G tx40 | (b) GSNR 0.1nm tx40 | (b) GSNR 32G tx100 | (b) GSNR 0.1nm tx100 '
      '| (c) GSNR 32G tx40 | (c) GSNR 0.1nm tx40 | (c) GSNR 32G tx100 | (c) GSNR 0.1nm tx100 |')
    A('|---|---|---|---|---|---|---|---|---|')
    S = res['sweeps']
    for i, rb in enumerate(S['b_tx40']):
        rb1, rc, rc1 = S['b_tx100'][i], S['c_tx40'][i], S['c_tx100'][i]
        A(f"| {rb['p_dBm']:+.1f} | {f3(rb['gsnr_bw'])} | {f3(rb['gsnr_01nm'])} | {f3(rb1['gsnr_bw'])} "
          f"| {f3(rb1['gsnr_01nm'])} | {f3(rc['gsnr_bw'])} | {f3(rc['gsnr_01nm'])} | {f3(rc1['gsnr_bw'])} "
          f"| {f3(rc1['gsnr_01nm'])} |")
    A('')
    for k in ('b', 'c'):
        for tx in ('40', '100'):
            grid = S[f'{k}_tx{tx}']
            best = max(grid, key=lambda r: r['gsnr_bw'])
            fine = S[f'{k}_tx{tx}_fine_opt']
            A(f"* ({k}) tx_osnr {tx} dB: best on 0.5 dB grid **{best['p_dBm']:+.1f} dBm** "
              f"(GSNR {f3(best['gsnr_bw'])} dB / 32 GBd, {f3(best['gsnr_01nm'])} dB / 0.1 nm); "
              f"0.05 dB grid optimum {fine['p_dBm']:+.2f} dBm (GSNR {f3(fine['gsnr_bw'])} / "
              f"{f3(fine['gsnr_01nm'])} dB).")
    for tx in ('40', '100'):
        fine = S[f'e_tx{tx}_fine_opt']
        A(f"* (e) tx_osnr {tx} dB: 0.05 dB grid optimum {fine['p_dBm']:+.2f} dBm "
          f"(GSNR {f3(fine['gsnr_bw'])} / {f3(fine['gsnr_01nm'])} dB).")
    A('')

    A('## Consistency checks (raw values, no tx_osnr, signal bandwidth)\n')
    A('"replica" = a ~30-line numpy re-implementation of GNPy\'s exact span-by-span bookkeeping '
      '(function `gnpy_replica` in the script); "textbook" = the same closed forms evaluated with every span '
      'launched at exactly P: SNR_ASE = P/(N h f NF G Rs), SNR_NLI = P/(N sum_j eta_kj P^3) (function '
      '`independent_gn`). The textbook-vs-GNPy difference is entirely GNPy\'s power bookkeeping '
      '(see "Power bookkeeping" below).\n')
    A('| line | P | replica max abs diff over 96 ch (GSNR / ASE / NLI, dB) | centre GSNR GNPy | centre GSNR textbook '
      '| centre SNR_ASE GNPy / textbook | centre SNR_NLI GNPy / textbook |')
    A('|---|---|---|---|---|---|---|')
    for k in ks:
        rec = res['lines'][k]
        d = rec['replica_max_abs_diff_dB']
        for ind in rec['independent']:
            p = ind['launch_dBm']
            r = next(r for r in rec['runs'] if r['launch_dBm'] == p and r['which'] == 'centre'
                     and r['tx_osnr_dB'] == 40 and not r.get('note'))
            dd = (f"{d['gsnr_bw']:.1e} / {d['osnr_ase_bw']:.1e} / {d['snr_nli_bw']:.1e}"
                  if p == (rec['runs'][0]['launch_dBm'] if k == 'e' else 0.0) else '-')
            A(f"| ({k}) | {p:g} | {dd} | {f3(r['raw_gsnr_bw'])} | {f3(ind['centre_gsnr_bw'])} "
              f"| {f3(r['raw_osnr_ase_bw'])} / {f3(ind['centre_snr_ase_bw'])} "
              f"| {f3(r['snr_nli_bw'])} / {f3(ind['centre_snr_nli_bw'])} |")
    A('')
    A(STATIC_TEXT)
    with open(path, 'w') as fh:
        fh.write('\n'.join(L) + '\n')


STATIC_TEXT = r"""
## How GNPy computes these numbers (for matching in C++)

All file/function names refer to the GNPy commit above.

### Line model actually built
`Transceiver('trx_A') -> [Fiber -> Edfa] x N -> Transceiver('trx_B')` (`gnpy/core/elements.py`). Each element is
called on the `SpectralInformation` in turn and then, exactly as `gnpy.topology.request.propagate()` does,
`trx_B.update_snr(si.tx_osnr)`. No ROADM, no booster; the transmitter launches P per channel straight into span 1.

* **Fiber** (`FiberParams` in `gnpy/core/parameters.py`): `loss_coef` 0.2 dB/km (0.16 for e), `dispersion`
  1.67e-5 s/m^2 (2.0e-5 for e = 20 ps/nm/km), `effective_area` 83e-12 m^2 (125e-12 for e; it *is* settable),
  `pmd_coef` 0.04 ps/sqrt(km), `con_in = con_out = att_in = 0`, no `dispersion_slope`, no lumped losses,
  reference wavelength 1550 nm (default). **Nonlinearity is given as n2 = 2.6e-20 m^2/W (hard-coded in
  `FiberParams`, cannot be changed by input), not as gamma**; GNPy derives gamma = 2*pi*n2/(lambda_ref*Aeff)
  = 1.26982 1/W/km (SSMF) and 0.84316 1/W/km (Aeff 125 um^2) at 1550 nm.
* **Edfa**: `type_def = 'fixed_gain'`, `nf_model = Model_fg(nf0=5.5)` (4.5 for e), `nf_ripple = gain_ripple = 0`,
  `tilt_target = 0`, `gain_min = 0` (so no input pad is added to the NF), `p_max = 50 dBm` (never clamps),
  `out_voa = in_voa = 0`, `gain_target = Fiber.loss` (= alpha_dB * L). The default DGT table is present but with
  tilt 0 and no ripple `Edfa._gain_profile` returns a flat gain equal to `gain_target` (checked: `gprofile - gain_target`
  is exactly 0.0 for every channel).

### ASE (`Edfa.noise_profile`, `Edfa.propagate`, `SpectralInformation.add_ase`)
`ase = h * spectral_info.baud_rate * spectral_info.frequency * db2lin(self.nf)` [W], i.e.
**P_ASE = h * f_ch * NF_lin * R_s referred to the amplifier input**, added to the channel power *before* the gain
is applied, so at the amplifier output it is **h * f * NF * G * R_s** - *not* NF*(G-1), no 1/2 or 2 polarisation
factor. The noise bandwidth is the **baud rate** (32 GHz), not the slot width, not 12.5 GHz. f is each
channel's centre frequency (`scipy.constants.h` = 6.62607015e-34). NF here is `nf0` + interpolated `nf_ripple` (0)
+ pad max(gain_min - gain, 0) (0).

### NLI (`NliSolver.compute_nli` -> `NliSolver._gn_analytic` -> `NliSolver._psi`, `gnpy/core/science_utils.py`)
GNPy's docstrings: `_gn_analytic` "uses eq. 120 from arXiv:1209.0394", `_psi` "Calculates eq. 123 from
arXiv:1209.0394" (equation numbers quoted from GNPy, not re-checked against the paper). The code computes, per
fibre span, for channel under test i and every channel j (all 96 channels, i included):

```
Leff_j = (1 - exp(-alpha_j L)) / alpha_j          La_j = 1/alpha_j         (alpha in Np/m = loss_coef/(10 log10 e))
b2_ij  = |(beta2_i + beta2_j)/2|                  df_ij = f_j - f_i
psi_ij = Leff_j^2 / (2 pi b2_ij La_j) * 0.5 * [ asinh(pi^2 La_j b2_ij Rs_i (df_ij + Rs_j/2))
                                               - asinh(pi^2 La_j b2_ij Rs_i (df_ij - Rs_j/2)) ]
w_ii = 16/27 (SPM),  w_ij = 2*16/27 = 32/27 (XPM, i != j)
eta_ij = gamma(f_i)^2 * w_ij * psi_ij / Rs_j^2          [1/W^2]  (gamma of the CUT frequency)
P_NLI,i(span) = sum_j  P_i * P_j^2 * eta_ij             [W, in bandwidth Rs_i]
```
For i = j this is the familiar SPM term (8/27) gamma^2 P^3 Leff^2 asinh((pi^2/2)|beta2| La Rs^2) / (pi |beta2| La Rs^2).
Spectra are treated as **rectangular of width R_s** (roll-off and slot width play no role in `gn_model_analytic`),
the NLI PSD at the CUT centre is multiplied by R_s ("local white noise"). The NLI is evaluated at the fibre
**input** with the powers present there and added through `SpectralInformation.add_nli`; each span contributes
independently and the contributions **add incoherently (linear power sum over spans, no coherence factor
epsilon)**. P_i, P_j are the *total* per-channel powers at the span input (see bookkeeping).

Frequency dependence in GNPy that a C++ code must copy to match the edge channels:
* `Fiber.gamma(f) = FiberParams.gamma_scaling(f) = 2 pi n2 f / (c Aeff(f))`, with
  `Aeff(f) = pi a^2 / ln V(f)`, `V(f) = 2 pi f a n1 sqrt(2 Delta) / c`, a = 4.2 um, n1 = 1.468, and Delta chosen so
  that Aeff(f_ref) = the given Aeff (`effective_area_scaling`). So gamma is **not** constant: 1.23608 / 1.27123 /
  1.31404 1/W/km at 191.35 / 193.50 / 196.10 THz for Aeff = 83 um^2 (gamma^2 of the CUT: -0.23 dB / +0.30 dB at the
  low / high edge relative to gamma(1550 nm); the NLI itself is a sum over pumps, all using gamma(f_CUT)).
* `Fiber.beta2(f)`: D(f) = D (f/f_ref)^2 and beta2 = -(c/f)^2 D(f)/(2 pi c) = -lambda_ref^2 D/(2 pi c) ->
  constant over the band (-2.1300e-26 s^2/m = -21.30 ps^2/km for D = 16.7 ps/nm/km, -25.51 ps^2/km for 20).
* alpha is frequency-flat (scalar `loss_coef`).

### Power bookkeeping (why GNPy differs slightly from a "every span launched at exactly P" formula)
`SpectralInformation` stores the total power per channel `pch` and the fractions `signal_ratio`, `ase_ratio`,
`nli_ratio` (`gnpy/core/info.py`):
* `add_nli(nli)`: r = nli/pch; signal_ratio *= (1-r); ase_ratio *= (1-r); nli_ratio = nli_ratio*(1-r) + r
  (NLI is a transfer from the signal, total power unchanged).
* `add_ase(ase)`: pch += ase and the ratios are re-normalised.
* gains/losses multiply `pch`.
Because the EDFAs are gain-controlled (gain = span loss), the **total** power entering span k+1 is
P + accumulated ASE + NLI, i.e. it creeps up along the line, and the NLI of every span is computed from these
total powers (P_j includes the noise). The received *signal* power is correspondingly slightly below P
(e.g. line c at 0 dBm: total pch +0.125 dBm, signal -0.097 dBm at the receiver; line e at 0 dBm: +0.096 / -0.405 dBm).
The resulting differences versus the textbook formula are in the "Consistency checks" table: SNR_NLI 0.005 dB
(a) to 0.23 dB (c) and 0.35 dB (e at 0 dBm); SNR_ASE 0.004-0.06 dB, but 0.20 dB for (e) at 0 dBm where the NLI
depletes the signal. The `gnpy_replica()` function in the script (about 30 lines of numpy) reproduces GNPy's
numbers for all 96 channels to < 1e-14 dB and is the recipe to port to C++ if you need exact agreement.

### SNR definitions (`gnpy/core/info.py`, `Transceiver._calc_snr`, `Transceiver.update_snr`, `utils.snr_sum`)
* Signal bandwidth (= baud rate): OSNR_ASE = signal/ase (`snr_lin_db`), SNR_NLI = signal/nli (`snr_nli_db`),
  GSNR = signal/(ase+nli) (`gsnr_db`), all powers integrated over R_s.
* 0.1 nm: `opt_*_db = *_db - lin2db(12.5e9/baud_rate)`, i.e. **X_0.1nm = X_Rs + 10 log10(R_s/12.5 GHz)**
  = X_Rs + 4.0824 dB for 32 GBd. (12.5 GHz is used as "0.1 nm" at every frequency.)
* tx_osnr (given in 0.1 nm) is added at the receiver by `Transceiver.update_snr(tx_osnr)` via
  `snr_sum(snr, bw, snr_added, bw_added=12.5e9)`: snr_added_bw = tx_osnr - 10 log10(R_s/12.5e9), then
  `-lin2db(db2lin(-snr) + db2lin(-snr_added_bw))` (inverse linear sum). It is applied to `osnr_ase`, `snr`,
  `osnr_ase_01nm`, `snr_01nm`; **`osnr_nli` is not modified**. `raw_*` attributes keep the values without it.
  (tx_osnr = 100 dB changes GSNR by < 1e-4 dB here, so it is effectively infinite.)
* CD: `Fiber.chromatic_dispersion` = D*L (beta3 = 0 without a slope, so identical for all channels), stored in
  s/m, reported by `Transceiver._calc_cd` x1e3 -> ps/nm.
* PMD: per fibre `pmd_coef*sqrt(L)`, combined as root-sum-square (`sqrt(pmd^2 + ...)`); EDFA pmd = 0; `_calc_pmd`
  -> ps.
* Latency: per fibre L/(c/n1) with **n1 = 1.468 hard-coded** (`FiberParams._latency`), summed; `_calc_latency` ->
  ms. EDFAs add no latency.

### Things that could not be set exactly as asked / deviations
* Nonlinearity: I gave `effective_area` (83 / 125 um^2) and GNPy's fixed n2 = 2.6e-20 m^2/W, giving
  gamma(1550 nm) = 1.26982 1/W/km (SSMF) / 0.84316 1/W/km (e). (A `gamma` input alone is also accepted: GNPy then
  derives Aeff = 2 pi n2/(lambda_ref gamma), e.g. 1.27 1/W/km -> 82.98 um^2, a 0.0012 dB change in NLI. If both
  are given, `Fiber.gamma(f)` ignores the `gamma` value and uses n2 with the Aeff(f) scaling; n2 itself is not
  an input.)
* Line (e) uses Aeff = 125 um^2 (settable), D = 20 ps/nm/km = 2.0e-5 s/m^2 at 1550 nm with no slope,
  loss 0.16 dB/km, NF 4.5 dB, PMD 0.04 ps/sqrt(km), n1 = 1.468 and the same 96-channel C-band comb.
* GNPy has no function that returns an optimum launch power: its design code (`gnpy.core.network`, delta_p =
  power_slope*(span_loss - span_loss_ref), "in theory at the optimum, the slope should be 1/3") only sets power
  *offsets* relative to a reference power; `power_range_db` in the SI block just loops over user-chosen powers
  (`gnpy/tools/worker_utils.py`).
  The "optimum" reported is therefore the maximum of the centre-channel GSNR from a GNPy power sweep
  (0.05 dB grid).
* The EDFA is a `fixed_gain` model with `nf0` (flat 5.5 / 4.5 dB, exactly the NF used for every channel and
  every amplifier, as printed above); `variable_gain` was not used.
* Only the `gnpy/` package of the checkout is used, unmodified; its `tests/` are not needed.
"""

if __name__ == '__main__':
    res = run()
    write_markdown(res, os.path.join(OUT_DIR, 'results.md'))
    import pprint
    pprint.pprint({k: v for k, v in res.items() if k != 'lines'}, width=120)
    for k, v in res['lines'].items():
        print(k, v['desc'])
        pprint.pprint(v['params'], width=120)
        for r in v['runs']:
            print({kk: (round(vv, 4) if isinstance(vv, float) else vv) for kk, vv in r.items()})
        pprint.pprint(v.get('independent'), width=120)
