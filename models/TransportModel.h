#pragma once
/// @file TransportModel.h
/// @brief Behaviour of the NIC's reliable message transport (RoCE-like), as plain values.

#include "units/Bytes.h"
#include "units/DataRate.h"
#include "units/Duration.h"

namespace ofe::models {

/// How lost packets are recovered.
enum class LossRecovery { GoBackN, SelectiveRepeat };

/// How a sender sets its rate.
enum class CongestionControl {
  Dcqcn,  ///< rate cut on ECN echoes (CNPs), timer-driven recovery (Zhu et al., SIGCOMM 2015)
  Hpcc,   ///< window from in-band telemetry of every hop (Li et al., SIGCOMM 2019)
  None,   ///< line rate within the window; PFC (or drops) alone limit it
};

/// NIC transport settings. Defaults here are the single source of truth; the
/// scenario registry reads them from a default-constructed instance.
struct TransportModel {
  Bytes mtu = Bytes(4096);            ///< payload bytes per data packet (RoCE MTU)
  Bytes headerBytes = Bytes(62);      ///< Eth 14 + IPv4 20 + UDP 8 + BTH 12 + ICRC 4 + FCS 4
  Bytes wireOverhead = Bytes(20);     ///< preamble 8 + inter-frame gap 12, occupies the wire only
  Bytes ackBytes = Bytes(62);         ///< size of an ACK/NACK/CNP frame before wire overhead
  int ackEvery = 1;                   ///< data packets per cumulative ACK
  LossRecovery recovery = LossRecovery::SelectiveRepeat;
  Duration minRto = Duration::microseconds(100);  ///< RTO = minRto + rtoRttMultiple x path RTT
  double rtoRttMultiple = 2.0;
  /// RACK's first reordering window as a multiple of the minimum RTT (selective
  /// repeat); 0 = 1/4 (RFC 8985) under flow hashing, 4 under packet spraying.
  double reorderWindow = 0.0;
  Bytes window = Bytes(0);            ///< bytes in flight per transfer; 0 = sized from the path
  double windowBdpMultiple = 1.25;    ///< automatic window = this x path bandwidth-delay product
  CongestionControl congestionControl = CongestionControl::Dcqcn;
  double dcqcnG = 1.0 / 256.0;        ///< DCQCN alpha gain
  Duration dcqcnAlphaInterval = Duration::microseconds(55);
  Duration dcqcnIncreaseInterval = Duration::microseconds(55);
  DataRate dcqcnAdditiveIncrease = DataRate::gbps(5);
  Duration cnpInterval = Duration::microseconds(50);  ///< at most one CNP per flow per interval
  // HPCC, Algorithm 1 of the paper: target utilisation eta, maxStage additive
  // steps before a multiplicative update, and W_AI as a rate (W_AI = rate x T).
  double hpccTargetUtilization = 0.95;
  int hpccMaxStage = 5;
  DataRate hpccAdditiveIncrease = DataRate::bitsPerSecond(50'000'000);
};

}  // namespace ofe::models
