#!/usr/bin/env python3
"""Prints the cycles between the namespaces of src/ (strongly connected components of the using graph), or "no namespace cycles". Run from the repository root."""
import re,os,collections
edges=collections.defaultdict(set); names=set()
for root in ['src']:
  for dp,dn,fn in os.walk(root):
    if '/obj' in dp or '/bin' in dp: continue
    for f in fn:
        if not f.endswith('.cs'): continue
        s=open(os.path.join(dp,f)).read()
        ns=re.search(r'^namespace ([\w.]+);',s,re.M).group(1); names.add(ns)
        for u in re.findall(r'^using (DeepClustering[\w.]*);',s,re.M):
            if u!=ns: edges[ns].add(u)
        # parent namespace implicitly visible: references to types of parent namespaces are not tracked here
index={}; low={}; st=[]; on=set(); out=[]; c=[0]
import sys; sys.setrecursionlimit(10000)
def sc(v):
    index[v]=low[v]=c[0]; c[0]+=1; st.append(v); on.add(v)
    for w in edges.get(v,()):
        if w not in index: sc(w); low[v]=min(low[v],low[w])
        elif w in on: low[v]=min(low[v],index[w])
    if low[v]==index[v]:
        comp=[]
        while True:
            w=st.pop(); on.discard(w); comp.append(w)
            if w==v: break
        if len(comp)>1: out.append(comp)
for v in list(names):
    if v not in index: sc(v)
print(out or "no namespace cycles")
