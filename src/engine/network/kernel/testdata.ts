// A hand-written kube-proxy (iptables mode, v1.30) rule set for tests: the notes' web-svc-cip with
// three endpoints (the 1/3, 1/2, 1 ladder), a Service without endpoints (REJECT) and a NodePort.
export const KUBE_PROXY_FILTER = `*filter
:KUBE-SERVICES - [0:0]
:KUBE-EXTERNAL-SERVICES - [0:0]
:KUBE-FORWARD - [0:0]
-A INPUT -m comment --comment "kubernetes externally-visible service portals" -m conntrack --ctstate NEW -j KUBE-EXTERNAL-SERVICES
-A FORWARD -m comment --comment "kubernetes service portals" -m conntrack --ctstate NEW -j KUBE-SERVICES
-A OUTPUT -m comment --comment "kubernetes service portals" -m conntrack --ctstate NEW -j KUBE-SERVICES
-A KUBE-SERVICES -d 10.100.200.1/32 -p tcp -m comment --comment "default/empty has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable
-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT
COMMIT
`

export const KUBE_PROXY_NAT = `*nat
:KUBE-SERVICES - [0:0]
:KUBE-NODEPORTS - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-SVC-WKCOG6KH24K26XRJ - [0:0]
:KUBE-EXT-WKCOG6KH24K26XRJ - [0:0]
:KUBE-SEP-QBJZSVSYALF66SO6 - [0:0]
:KUBE-SEP-PXI5DVWAQX37NI6K - [0:0]
:KUBE-SEP-SZWO3ZNWGEEQBN7C - [0:0]
-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
-A KUBE-NODEPORTS -m comment --comment default/web-svc-cip -m tcp -p tcp --dport 30552 -j KUBE-EXT-WKCOG6KH24K26XRJ
-A KUBE-SERVICES -m comment --comment "default/web-svc-cip cluster IP" -m tcp -p tcp -d 10.97.60.103 --dport 80 -j KUBE-SVC-WKCOG6KH24K26XRJ
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
-A KUBE-EXT-WKCOG6KH24K26XRJ -m comment --comment "masquerade traffic for default/web-svc-cip external destinations" -j KUBE-MARK-MASQ
-A KUBE-EXT-WKCOG6KH24K26XRJ -j KUBE-SVC-WKCOG6KH24K26XRJ
-A KUBE-SVC-WKCOG6KH24K26XRJ -m comment --comment "default/web-svc-cip cluster IP" -m tcp -p tcp -d 10.97.60.103 --dport 80 ! -s 10.244.0.0/16 -j KUBE-MARK-MASQ
-A KUBE-SVC-WKCOG6KH24K26XRJ -m comment --comment "default/web-svc-cip -> 10.244.0.4:8000" -m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-QBJZSVSYALF66SO6
-A KUBE-SVC-WKCOG6KH24K26XRJ -m comment --comment "default/web-svc-cip -> 10.244.0.5:8000" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-PXI5DVWAQX37NI6K
-A KUBE-SVC-WKCOG6KH24K26XRJ -m comment --comment "default/web-svc-cip -> 10.244.0.6:8000" -j KUBE-SEP-SZWO3ZNWGEEQBN7C
-A KUBE-SEP-QBJZSVSYALF66SO6 -m comment --comment default/web-svc-cip -s 10.244.0.4 -j KUBE-MARK-MASQ
-A KUBE-SEP-QBJZSVSYALF66SO6 -m comment --comment default/web-svc-cip -m tcp -p tcp -j DNAT --to-destination 10.244.0.4:8000
-A KUBE-SEP-PXI5DVWAQX37NI6K -m comment --comment default/web-svc-cip -s 10.244.0.5 -j KUBE-MARK-MASQ
-A KUBE-SEP-PXI5DVWAQX37NI6K -m comment --comment default/web-svc-cip -m tcp -p tcp -j DNAT --to-destination 10.244.0.5:8000
-A KUBE-SEP-SZWO3ZNWGEEQBN7C -m comment --comment default/web-svc-cip -s 10.244.0.6 -j KUBE-MARK-MASQ
-A KUBE-SEP-SZWO3ZNWGEEQBN7C -m comment --comment default/web-svc-cip -m tcp -p tcp -j DNAT --to-destination 10.244.0.6:8000
COMMIT
`
